package schema

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
	"github.com/tiercel/tiercel/suite"
)

func validators(t *testing.T) (catalogV, suiteV *validator) {
	t.Helper()
	catalogV, err := newValidator(Catalog())
	require.NoError(t, err, "catalog.schema.json")
	suiteV, err = newValidator(Suite())
	require.NoError(t, err, "suite.schema.json")
	return catalogV, suiteV
}

// parse reads one YAML document; isSuite reports a top-level tests key.
func parse(t *testing.T, path string) (doc *yaml.Node, isSuite bool) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	var n yaml.Node
	require.NoError(t, yaml.NewDecoder(bytes.NewReader(src)).Decode(&n), path)
	return &n, hasTopKey(&n, "tests")
}

// isCaseFile reports a case file: a top-level opened key.
func isCaseFile(doc *yaml.Node) bool { return hasTopKey(doc, "opened") }

// hasTopKey reports whether the document's top-level mapping has key.
func hasTopKey(doc *yaml.Node, key string) bool {
	root := resolveNode(doc)
	for i := 0; root.Kind == yaml.MappingNode && i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return true
		}
	}
	return false
}

// expectedInvalid reports fixtures meant to be invalid: files under a
// testdata directory whose name starts with bad, invalid or malformed, and
// everything under schema/testdata/invalid. They are not required to pass.
func expectedInvalid(path string) bool {
	slash := filepath.ToSlash(path)
	if !strings.Contains("/"+slash, "/testdata/") {
		return false
	}
	base := filepath.Base(path)
	return strings.Contains(slash, "testdata/invalid/") ||
		strings.HasPrefix(base, "bad") || strings.HasPrefix(base, "invalid") || strings.HasPrefix(base, "malformed")
}

// repoYAML lists every YAML file of the repository.
func repoYAML(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

// TestEveryYAMLFileMatchesItsSchema validates each catalog and suite of the
// repository, and checks that the engine accepts them too.
func TestEveryYAMLFileMatchesItsSchema(t *testing.T) {
	catalogV, suiteV := validators(t)
	files := repoYAML(t)
	require.NotEmpty(t, files)
	var checked []string
	for _, path := range files {
		if expectedInvalid(path) {
			continue
		}
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			doc, isSuite := parse(t, path)
			v, name, def := catalogV, "catalog", any(catalogV.root)
			switch {
			case isSuite:
				v, name, def = suiteV, "suite", suiteV.root
			case isCaseFile(doc):
				// A case file for tiercel timeline: the timeline question.
				v, name, def = suiteV, "timeline", suiteV.root["$defs"].(map[string]any)["timeline"]
			case strings.HasSuffix(path, "contract.yaml"):
				// A contract file for tiercel invoice: a suite's contract.
				v, name, def = suiteV, "contract", suiteV.root["$defs"].(map[string]any)["contract"]
			}
			for _, p := range v.validate(def, doc, "") {
				t.Errorf("%s:%s (%s schema)", path, p, name)
			}
			// The engine agrees.
			if name == "contract" {
				_, err := input.LoadContract(path)
				assert.NoError(t, err)
			} else if name == "timeline" {
				_, err := input.LoadCaseFile(path)
				if errors.Is(err, rules.ErrInvalidEvent) {
					err = nil // in the schema, its events out of order: a test of the refusal
				}
				assert.NoError(t, err)
			} else if isSuite {
				_, err := suite.Load(path)
				assert.NoError(t, err)
			} else {
				_, err := rules.Load(path)
				assert.NoError(t, err)
			}
		})
		checked = append(checked, filepath.ToSlash(path))
	}
	// The files that matter most are among them.
	for _, want := range []string{"../rules/catalog/default.yaml", "../rules/catalog/default_test.yaml",
		"../rules/catalog/aws.yaml", "../rules/catalog/aws_test.yaml",
		"../examples/custom-tiers/tiers.yaml", "../examples/custom-tiers/tiers_test.yaml"} {
		assert.Contains(t, checked, want)
	}
}

// TestInvalidFixturesFail checks that the schemas reject each fixture of
// testdata/invalid, with the expected problem, and that the engine rejects
// it too: the schemas are never stricter than tiercel itself.
func TestInvalidFixturesFail(t *testing.T) {
	catalogV, suiteV := validators(t)
	want := map[string][]string{
		"catalog-unknown-key.yaml":                  {`3:5: tiers.gold: missing required key "response"`}, // respons could name a declared metric: the engine refuses it
		"catalog-declared-metric-without-stop.yaml": {`8:7: lifecycle.metrics.wait: missing required key "stop"`},
		"catalog-bad-target.yaml":                   {`4:20: tiers.gold.response.P1: "one hour 24x7" does not match`, `4:35: tiers.gold.response.P5: key: "P5" does not match`},
		"catalog-bad-price.yaml":                    {`6:17: tiers.gold.price.currency: "usd" does not match`, `8:32: tiers.gold.price.bands[0].rate: "ten percent" does not match`},
		"catalog-redefines-24x7.yaml":               {`2:3: calendars.24x7: key: "24x7" is not allowed`},
		"catalog-rule-sets-nothing.yaml":            {`4:5: rules[0]: missing required key "within"`},
		"catalog-bad-lifecycle.yaml":                {`6:15: lifecycle.tierChange: must be one of fixed, reevaluate`},
		"suite-two-questions.yaml":                  {`2:5: tests[0]: matches 2 alternatives of oneOf, want exactly one`},
		"suite-expect-of-another-question.yaml":     {`4:14: tests[0].expect.due: unknown key`},
		"suite-error-combined.yaml":                 {`4:13: tests[0].expect: must have at most 1 keys`},
		"suite-bad-values.yaml":                     {`3:35: tests[0].deadline.priority: "P5" does not match`, `3:47: tests[0].deadline.opened: "yesterday" does not match`},
		"suite-no-expect.yaml":                      {`4:13: tests[0].expect: must have at least 1 keys`},
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "invalid"))
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantNames := make([]string, 0, len(want))
	for n := range want {
		wantNames = append(wantNames, n)
	}
	slices.Sort(wantNames)
	require.Equal(t, wantNames, names, "every fixture has expectations")
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "invalid", name)
			doc, isSuite := parse(t, path)
			v := catalogV
			if isSuite {
				v = suiteV
			}
			var got []string
			for _, p := range v.validate(v.root, doc, "") {
				got = append(got, p.String())
			}
			require.NotEmpty(t, got, "the schema accepts an invalid file")
			for _, w := range want[name] {
				found := false
				for _, g := range got {
					found = found || strings.HasPrefix(g, w)
				}
				assert.True(t, found, "want a problem starting %q, got:\n%s", w, strings.Join(got, "\n"))
			}
			if isSuite {
				_, err = suite.Load(path)
			} else {
				_, err = rules.Load(path)
			}
			assert.Error(t, err, "the engine accepts what the schema rejects")
		})
	}
}

// TestHolidayCountries keeps the schema's country list in step with slo.
func TestHolidayCountries(t *testing.T) {
	v, _ := validators(t)
	defs := v.root["$defs"].(map[string]any)
	var got []string
	for _, c := range defs["country"].(map[string]any)["enum"].([]any) {
		got = append(got, c.(string))
	}
	assert.Equal(t, slo.HolidayCountries(), got)
}

func TestValidatorRejectsUnknownKeywords(t *testing.T) {
	_, err := newValidator([]byte(`{"type": "object", "if": {"required": ["a"]}}`))
	assert.ErrorContains(t, err, `keyword "if" is not supported`)
	_, err = newValidator([]byte(`{"$ref": "#/$defs/nope"}`))
	assert.ErrorContains(t, err, "no such definition")
	_, err = newValidator([]byte(`{"pattern": "("}`))
	assert.Error(t, err)
}

func TestValidatorKeywords(t *testing.T) {
	schema := `{
	  "type": "object", "additionalProperties": false, "required": ["n"],
	  "properties": {
	    "n": {"type": "integer", "minimum": 1},
	    "s": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"},
	    "e": {"enum": ["x", 1, true]},
	    "l": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string"}},
	    "o": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
	    "a": {"anyOf": [{"type": "string"}, {"type": "boolean"}]},
	    "c": {"const": "k"},
	    "m": {"type": "object", "propertyNames": {"pattern": "^P[1-4]$"}, "maxProperties": 1, "minProperties": 1}
	  }
	}`
	v, err := newValidator([]byte(schema))
	require.NoError(t, err)
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"valid", "n: 2\ns: ab\ne: 1\nl: [a, b]\no: 3\na: true\nc: k\nm: {P1: x}\n", nil},
		{"aliases", "n: &one 2\nl: [&x a]\nm: {P1: *one}\n", nil},
		{"timestamp is a string", "n: 1\ns: ab\na: 2026-03-02T10:00:00Z\n", nil},
		{"errors", "s: A\ne: y\nl: [a, a]\no: 1.5\na: 3\nc: j\nm: {P5: x, P1: y}\nz: 1\n", []string{
			`1:1: : missing required key "n"`,
			`1:4: s: must have at least 2 characters`,
			`1:4: s: "A" does not match ^[a-z]+$`,
			`2:4: e: must be one of x, 1, true, got "y"`,
			`3:4: l: duplicate item a`,
			`4:4: o: must be string, got number`,
			`5:4: a: must be string, got integer`,
			`6:4: c: must be k, got "j"`,
			`7:4: m: must have at most 1 keys`,
			`7:5: m.P5: key: "P5" does not match ^P[1-4]$`,
			`8:1: z: unknown key`,
		}},
		{"minimum", "n: 0\n", []string{`1:4: n: must be at least 1`}},
		{"type", "n: x\n", []string{`1:4: n: must be integer, got string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(tt.yaml), &doc))
			var got []string
			for _, p := range v.validate(v.root, &doc, "") {
				got = append(got, p.String())
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			assert.Equal(t, want, got)
		})
	}
}

func TestCatalogAndSuiteReturnCopies(t *testing.T) {
	a := Catalog()
	a[0] = 'x'
	assert.Equal(t, byte('{'), Catalog()[0])
	b := Suite()
	b[0] = 'x'
	assert.Equal(t, byte('{'), Suite()[0])
}

// The contract's keys in the schema are the one key set input reads, for
// contract files and suites alike.
func TestContractKeysMatchTheSchema(t *testing.T) {
	_, suiteV := validators(t)
	props := suiteV.root["$defs"].(map[string]any)["contract"].(map[string]any)["properties"].(map[string]any)
	var keys []string
	for k := range props {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, input.ContractKeys, keys)
}
