// The SDK surface of SimSpace Weaver (our own client, src/aws/simspaceweaver/), bundled into the lazily loaded
// dist/aws-sdk.js as `sdk.simSpaceWeaver` (see src/awsSdk.ts). Re-exports only; never import this module statically
// (use `loadSdk()`).
export {
  SimSpaceWeaverClient,
  SimSpaceWeaverServiceException,
  AccessDeniedException as SimSpaceWeaverAccessDeniedException,
  ConflictException as SimSpaceWeaverConflictException,
  InternalServerException as SimSpaceWeaverInternalServerException,
  ResourceNotFoundException as SimSpaceWeaverResourceNotFoundException,
  ServiceQuotaExceededException as SimSpaceWeaverServiceQuotaExceededException,
  TooManyTagsException as SimSpaceWeaverTooManyTagsException,
  ValidationException as SimSpaceWeaverValidationException,
} from '../aws/simspaceweaver/client';
