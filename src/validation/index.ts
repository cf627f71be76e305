// The validation module: input rules of the four create-snapshot calls, derived from the botocore models
// (src/validation/generated/modelConstraints.ts) and the members' documentation. Pure: no `vscode`, no SDK.
export { neptuneGraphRules } from './neptuneGraph';
export { storageGatewayRules } from './storageGateway';
export { docdbRules, validateDocDbIdentifier, validateDocDbTagKey, validateDocDbTagValue } from './docdb';
export {
  simSpaceWeaverRules,
  simSpaceWeaverSnapshotFile,
  simSpaceWeaverSnapshotKey,
  simSpaceWeaverStampPattern,
} from './simSpaceWeaver';
export { validateBucketName } from './s3Bucket';
export { parseTags, formatTags } from './tags';
export { validateInput, type InputValidation } from './validateInput';
export { compactStamp, identifierDefault, sanitiseForIdentifier } from './defaults';
export { compileConstraint, compileModelPattern, modelIssues, type CompiledConstraint } from './modelCheck';
export { modelConstraints, type ModelConstraint } from './generated/modelConstraints';
export type { DefaultContext, InputField, InputKind, Issue, ServiceInputRules, Severity, Tag, TagRules } from './types';
