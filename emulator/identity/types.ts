/** Who makes a call, once the core has checked its credentials: what operation handlers and `authorize` are told. */
import { type IssuedCredential } from './issued';
import { type IdentityPolicy } from './policies';

export interface CallerIdentity {
  accessKeyId: string;
  /** The account the call runs in: the demo keys' account, or the account of the issued credential. */
  accountId: string;
  /** arn:aws:iam::<acct>:user/<name> for a demo key, arn:aws:sts::<acct>:assumed-role/<role>/<session> for an issued one. */
  arn: string;
  /** As GetCallerIdentity's UserId: `AIDA…` for an IAM user, `AROA…:<session>` for an assumed role. */
  userId: string;
  policy: IdentityPolicy;
  /** The temporary credential the call was signed with, if any (role chaining starts from it). */
  issued?: IssuedCredential;
}
