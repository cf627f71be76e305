// What each plan key means (completion documentation and hovers). Plain English, Markdown.

export const keyDocs: Readonly<Record<string, string>> = {
  defaults:
    'Values every entry inherits unless it sets its own: `profile`, `region`, `name`, `description`, `bucket`, `prefix`, `tags`. Each applies only to the services that take it.',
  snapshots:
    'The list of snapshots to take. Each entry names a `service` and a `resource`, plus that service’s inputs.',
  service: 'The service: `neptune-graph`, `storagegateway`, `docdb` or `simspaceweaver`.',
  resource:
    'The resource to snapshot: its id, its name or its ARN (a Neptune Analytics graph, a Storage Gateway volume, a DocumentDB cluster, a SimSpace Weaver simulation).',
  profile:
    'The AWS profile to call with (from your AWS config and credentials files). Default: `defaults.profile`, else `default`.',
  region: 'The AWS region of the resource. Default: `defaults.region`, else the profile’s own region.',
  name: 'The snapshot name (Neptune Analytics, DocumentDB): a template, e.g. `{resource}-release-{date}`. Checked against the service’s rules after expansion.',
  description: 'The snapshot description (Storage Gateway): a template, e.g. `Release {date} of {resource}`.',
  bucket: 'The S3 bucket SimSpace Weaver writes the snapshot to (it must exist in the simulation’s region).',
  prefix: 'An optional object key prefix in the bucket (SimSpace Weaver); a template.',
  tags: 'Tags for the snapshot, as `key: value` pairs (values may use template variables). Entry tags add to, and override, `defaults.tags`.',
};
