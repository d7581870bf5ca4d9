// Package yamlpos decodes YAML documents with the position of every value
// and reports their problems as one error shape: an [ErrorList] of [Error]s
// reading "file:line:col: path: message", each wrapping the sentinel of the
// document's kind.
//
// A [Decoder] walks a yaml.Node tree the way a hand-written parser reads
// tokens: it resolves aliases within a budget (so a small document cannot
// expand into billions of values), refuses unknown and duplicate keys,
// tags and merge keys, reads scalars with a parser of the caller's choice,
// and keeps going after an error, collecting each once per position, up to
// [MaxErrors]. The catalog and the test suites share it.
package yamlpos
