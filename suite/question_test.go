package suite

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/schema"
)

// expectRows reads the expect mapping src with rows, as a test's expect is
// read, and returns the mismatches of got.
func expectRows[A any](t *testing.T, rows []expectation[A], src string, got A) []Mismatch {
	t.Helper()
	d := yamlpos.NewDecoder("x.yaml", []byte(src), ErrInvalidSuite)
	root := d.Document()
	require.NotNil(t, root, "%v", d.Errors())
	cs, ok := readRows(&parser{d: d}, d.Mapping(root, "expect", rowKeys(rows)), rows)
	require.NoError(t, d.Errors().Err())
	require.True(t, ok)
	var ch checks
	for _, c := range cs {
		ch = c(ch, "", got)
	}
	return ch
}

// rowsTest is an expect mapping and the mismatches its rows find in an
// answer.
type rowsTest struct {
	name, expect string
	want         []Mismatch
}

// checkRows runs each rowsTest with rows against the answer got.
func checkRows[A any](t *testing.T, rows []expectation[A], got A, tests []rowsTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, expectRows(t, rows, tt.expect, got))
		})
	}
}

// questionTest is one test of a suite (its keys after the name) and the
// mismatches it finds in the default catalog's answer.
type questionTest struct {
	name, test string
	want       []Mismatch
}

// checkQuestions parses and runs each questionTest.
func checkQuestions(t *testing.T, tests []questionTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, runOne(t, tt.test).Mismatches)
		})
	}
}

// schemaQuestion is what suite.schema.json says of one question.
type schemaQuestion struct {
	inputs, required, expect []string
}

// schemaDef is the part of a JSON Schema definition the test reads.
type schemaDef struct {
	Ref        string               `json:"$ref"`
	AllOf      []schemaDef          `json:"allOf"`
	Required   []string             `json:"required"`
	Properties map[string]schemaDef `json:"properties"`
	OneOf      []schemaDef          `json:"oneOf"`
}

// UnmarshalJSON accepts true and false, the schemas that allow or refuse
// anything, as empty definitions.
func (d *schemaDef) UnmarshalJSON(b []byte) error {
	if string(b) == "true" || string(b) == "false" {
		return nil
	}
	type plain schemaDef
	return json.Unmarshal(b, (*plain)(d))
}

// schemaQuestions reads the questions of suite.schema.json: the oneOf of a
// test, each naming the definitions of the question and of its expect.
func schemaQuestions(t *testing.T) map[string]schemaQuestion {
	t.Helper()
	var doc struct {
		Defs map[string]schemaDef `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(schema.Suite(), &doc))
	resolve := func(ref string) schemaDef {
		d, ok := doc.Defs[strings.TrimPrefix(ref, "#/$defs/")]
		require.True(t, ok, "no definition %q", ref)
		return d
	}
	// keys lists the properties of a definition and of those it includes.
	var keys func(d schemaDef) []string
	keys = func(d schemaDef) []string {
		var out []string
		for k := range d.Properties {
			out = append(out, k)
		}
		for _, a := range d.AllOf {
			out = append(out, keys(resolve(a.Ref))...)
		}
		return sorted(out)
	}
	out := map[string]schemaQuestion{}
	for _, alt := range doc.Defs["test"].OneOf {
		require.Len(t, alt.Required, 1)
		kind := alt.Required[0]
		in := resolve(alt.Properties[kind].Ref)
		out[kind] = schemaQuestion{inputs: keys(in), required: sorted(in.Required), expect: keys(resolve(alt.Properties["expect"].Ref))}
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestQuestionsMatchTheSchema fails when a question, one of its input keys
// or one of its expectation keys is in the table but not in
// schema/suite.schema.json, or the other way round.
func TestQuestionsMatchTheSchema(t *testing.T) {
	inSchema := schemaQuestions(t)
	var schemaKinds []string
	for k := range inSchema {
		schemaKinds = append(schemaKinds, k)
	}
	require.Equal(t, sorted(schemaKinds), sorted(kinds()), "questions of the table and of the schema")
	for _, q := range questions {
		t.Run(q.kind, func(t *testing.T) {
			s := inSchema[q.kind]
			assert.Equal(t, s.inputs, sorted(q.inputs), "input keys")
			assert.Equal(t, s.required, sorted(q.required), "required input keys")
			assert.Equal(t, s.expect, sorted(q.expect), "expectation keys")
		})
	}
}

func TestQuestionTable(t *testing.T) {
	seen := map[string]bool{}
	for i, q := range questions {
		t.Run(q.kind, func(t *testing.T) {
			assert.False(t, seen[q.kind], "a question appears once")
			seen[q.kind] = true
			assert.Same(t, &questions[i], lookup(q.kind), "lookup returns the table's entry")
			assert.Equal(t, q.kind, lookup(q.kind).kind)
			assert.Equal(t, "error", q.expect[len(q.expect)-1], "error is the last expectation key")
			assert.Len(t, slices.Compact(sorted(q.expect)), len(q.expect), "expectation keys are unique")
			for _, r := range q.required {
				assert.Contains(t, q.inputs, r, "a required key is an input")
			}
			assert.NotNil(t, q.compile)
		})
	}
	assert.Nil(t, lookup("status"))
	assert.Equal(t, []string{"deadline", "compare", "quote", "eligibility", "plan", "entitlements", "allowed", "replay", "timeline"}, kinds())
}
