// Placeholder contract, replaced by the SimSpace Weaver client implementation (issue 2, item 6).
export interface SimSpaceWeaverClient {
  readonly region: string;
}
