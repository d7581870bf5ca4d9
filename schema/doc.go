// Package schema holds the JSON Schemas (draft 2020-12) of tiercel's two YAML
// formats, for editors with a YAML language server and for tools that check
// files before tiercel does:
//
//	catalog.schema.json   catalogs: version, calendars, tiers, rules, migrations,
//	                      permissions, billing, lifecycle, priorities
//	suite.schema.json     test suites run by `tiercel test` and suite.Run: version,
//	                      description, catalog, now, tests
//
// Point an editor at them with a first-line comment in the YAML file:
//
//	# yaml-language-server: $schema=../../schema/catalog.schema.json
//
// The schemas describe structure: keys, types and the shape of scalars
// (targets, amounts, rates, instants). What needs the engine (an unknown
// calendar, a CEL type error, an invalid time zone) is reported by
// `tiercel check` and `tiercel test` with file:line:col. The package's test
// validates every YAML file of the repository against them.
package schema

import _ "embed"

var (
	//go:embed catalog.schema.json
	catalogSchema []byte
	//go:embed suite.schema.json
	suiteSchema []byte
)

// Catalog returns the JSON Schema of the catalog format. The result is a
// fresh copy the caller may modify.
func Catalog() []byte { return append([]byte(nil), catalogSchema...) }

// Suite returns the JSON Schema of the test suite format. The result is a
// fresh copy the caller may modify.
func Suite() []byte { return append([]byte(nil), suiteSchema...) }
