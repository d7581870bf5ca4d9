package rules

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestShapeOf(t *testing.T) {
	tests := []struct {
		name, src string
		ok        bool
		lits      []ref.Val
		at        []int32
	}{
		{"an int and a string", "case.attrs['org'] == 1000", true, []ref.Val{types.String("org"), types.Int(1000)}, []int32{11, 21}},
		{"double quotes", `x == "a'b"`, true, []ref.Val{types.String("a'b")}, []int32{5}},
		{"offsets count code points", "'é' == 'b'", true, []ref.Val{types.String("é"), types.String("b")}, []int32{0, 7}},
		{"zero", "x == 0", true, []ref.Val{types.Int(0)}, []int32{5}},
		{"digits of an identifier", "v1 == a_2", true, nil, nil},
		{"a uint", "x == 1u", true, nil, nil},
		{"a double", "x == 1.5 || x == .5", true, nil, nil},
		{"an exponent", "x == 1e3", true, nil, nil},
		{"hex", "x == 0x1F", true, nil, nil},
		{"a leading zero", "x == 01", true, nil, nil},
		{"a sign", "x == - 1", true, nil, nil},
		{"past int64", "x == 9223372036854775808", true, nil, nil},
		{"a field number", "x.1 == y", true, nil, nil},
		{"a comment", "x == 1 // one", false, nil, nil},
		{"a quoted identifier", "x.`a-b` == 1", false, nil, nil},
		{"an escape", `x == 'a\'b'`, false, nil, nil},
		{"a raw string", "x == r'a'", false, nil, nil},
		{"bytes", "x == b'a'", false, nil, nil},
		{"triple quotes", "x == '''a'''", false, nil, nil},
		{"an unterminated string", "x == 'a", false, nil, nil},
		{"a line break in a string", "x == 'a\nb'", false, nil, nil},
		{"a NUL", "x == \x001", false, nil, nil},
		{"invalid UTF-8 in a string", "x == '\xff'", false, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh, ok := shapeOf(tc.src)
			require.Equal(t, tc.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tc.lits, sh.lits)
			assert.Equal(t, tc.at, sh.at)
		})
	}
}

// Texts share a shape exactly when they differ in simple literals only.
func TestShapeKeys(t *testing.T) {
	key := func(src string) string {
		sh, ok := shapeOf(src)
		require.True(t, ok, src)
		return sh.key
	}
	same := [][2]string{
		{"a == 1", "a == 22"},
		{"a == 'x'", "a == 'yz'"},
		{`a in ["p", 'q']`, `a in ["r s", 'tu']`},
		{"'k' in case.attrs && case.attrs['k'] == 1", "'j' in case.attrs && case.attrs['j'] == 99"},
	}
	for _, p := range same {
		assert.Equal(t, key(p[0]), key(p[1]), "%q and %q", p[0], p[1])
	}
	differ := [][2]string{
		{"a == 1", "a == '1'"},
		{"a == 'x'", `a == "x"`},
		{"a == 1", "a == 1u"},
		{"a == 1", "a == 1.0"},
		{"a == 1", "a == -1"},
		{"a == 1", "a  == 1"},
		{"v1 == 1", "v2 == 1"},
		{"a == 1 && b", "a == 1 || b"},
		{"a == 12", "a == 1 2"},
	}
	for _, p := range differ {
		assert.NotEqual(t, key(p[0]), key(p[1]), "%q and %q", p[0], p[1])
	}
}

// shapePairs are expressions each compiled after the first of its shape:
// whatever the shape's path makes of them is what compiling their text
// makes, errors included.
var shapePairs = []struct{ first, then string }{
	{"('organization_id' in case.attrs && case.attrs['organization_id'] == 1000) && ('tags' in case.attrs && ['vip', 'gold'].exists(v, v in case.attrs['tags']))",
		"('organization_id' in case.attrs && case.attrs['organization_id'] == 1007) && ('tags' in case.attrs && ['a', 'bcdefghijkl'].exists(v, v in case.attrs['tags']))"},
	{"'group_id' in case.attrs && case.attrs['group_id'] in [1, 2, 3]", "'brand' in case.attrs && case.attrs['brand'] in [40, 5, 0]"},
	{"case.language == 'en'", "case.language == 'ja'"},
	{"case.language == 'en'", "case.zone == 'ja'"},
	{"'subject' in case.attrs && string(case.attrs['subject']).matches('^urgent')", "'subject' in case.attrs && string(case.attrs['subject']).matches('^(sev|p)[12]$')"},
	{"'subject' in case.attrs && string(case.attrs['subject']).matches('^urgent')", "'subject' in case.attrs && string(case.attrs['subject']).matches('(')"},
	{"'n' in case.attrs && int(case.attrs['n']) > 5", "'n' in case.attrs && int(case.attrs['n']) > 9000"},
	{"'s' in case.attrs && size(string(case.attrs['s'])) < 10 && string(case.attrs['s']).startsWith('ab')",
		"'s' in case.attrs && size(string(case.attrs['s'])) < 3 && string(case.attrs['s']).startsWith('a much longer prefix than before')"},
	{"'x' in case.attrs && case.attrs['x'] == 'é'", "'y' in case.attrs && case.attrs['y'] == '日本語'"},
	{"[1, 2, 3][1] == 2", "[1, 2, 3][7] == 2"},
	{"'abc'.indexOf('b') == 1", "'abcdef'.indexOf('ef') == 4"},
	{"{'a': 1, 'b': 2}['a'] == 1", "{'a': 1, 'a': 2}['a'] == 1"},
	{"case.attrs.exists(k, k == 'a')", "case.attrs.exists(k, k == 'b')"},
}

// Compiled from its shape, an expression is what it is compiled from its
// text: the same errors, estimated cost and value on random cases.
func TestCompileShapedIsCompiledText(t *testing.T) {
	env, err := celEnv()
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(19, 1))
	for _, p := range shapePairs {
		t.Run(p.then, func(t *testing.T) {
			shaped := &compiler{env: env}
			first := testExpr(p.first)
			_, _, ok := shaped.compileExprCost(first, cel.BoolType)
			require.True(t, ok, "%v", shaped.errs)
			then := testExpr(p.then)
			prg, cost, ok := shaped.compileExprCost(then, cel.BoolType)

			text := &compiler{env: env, textOnly: true}
			want, wantCost, wantOK := text.compileExprCost(then, cel.BoolType)
			require.Equal(t, wantOK, ok)
			assert.Equal(t, errorTexts(text.errs), errorTexts(shaped.errs))
			if !ok {
				return
			}
			assert.Equal(t, wantCost, cost, "estimated cost")
			for range 200 {
				v := randomVars(rng)
				got, gotErr := evalAny(prg, v)
				exp, expErr := evalAny(want, v)
				assert.Equal(t, expErr, gotErr)
				assert.Equal(t, exp, got)
			}
		})
	}
}

// The shape's path is the one taken for the second text of a shape, and
// not for a text of its own shape.
func TestCompileShapedIsTaken(t *testing.T) {
	env, err := celEnv()
	require.NoError(t, err)
	c := &compiler{env: env}
	_, _, ok := c.compileShaped(testExpr("case.language == 'en'"), cel.BoolType)
	assert.False(t, ok, "no expression of the shape yet")
	_, _, ok = c.compileExprCost(testExpr("case.language == 'en'"), cel.BoolType)
	require.True(t, ok)
	_, _, ok = c.compileShaped(testExpr("case.language == 'de'"), cel.BoolType)
	assert.True(t, ok, "made from the first of the shape")
	_, _, ok = c.compileShaped(testExpr("case.language == 'de' // a comment"), cel.BoolType)
	assert.False(t, ok, "a comment: compiled from the text")
	_, _, ok = c.compileShaped(testExpr("case.language == 'de'"), cel.TimestampType)
	assert.False(t, ok, "another type wanted, another shape")
	off := &compiler{env: env, textOnly: true}
	_, _, ok = off.compileExprCost(testExpr("case.language == 'en'"), cel.BoolType)
	require.True(t, ok)
	_, _, ok = off.compileShaped(testExpr("case.language == 'de'"), cel.BoolType)
	assert.False(t, ok, "textOnly")
}

// testExpr is src as a catalog's expression, at line 1 of t.yaml.
func testExpr(src string) *expr {
	d := newDecoder("t.yaml", fmt.Appendf(nil, "x: %q", src))
	return &expr{src: src, node: d.Document().Content[1], dec: d, at: pos{File: "t.yaml", Line: 1, Column: 4, Path: "x"}}
}

func errorTexts(errs ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// evalAny evaluates p on v: its value, or its error's text.
func evalAny(p cel.Program, v *vars) (any, string) {
	out, _, err := p.Eval(v)
	if err != nil {
		return nil, err.Error()
	}
	return out.Value(), ""
}

// randomVars is a case with some of the attributes the shapePairs read.
func randomVars(rng *rand.Rand) *vars {
	attrs := map[string]any{}
	pick := func(vals ...any) any { return vals[rng.IntN(len(vals))] }
	for _, k := range []string{"organization_id", "group_id", "brand", "n"} {
		if rng.IntN(3) > 0 {
			attrs[k] = pick(int64(1000), int64(1007), int64(1), int64(3), int64(5), int64(40), int64(9001), int64(0))
		}
	}
	if rng.IntN(3) > 0 {
		attrs["tags"] = []any{pick("vip", "gold", "a"), pick("x", "bcdefghijkl")}
	}
	for _, k := range []string{"subject", "s", "x", "y", "a", "b"} {
		if rng.IntN(2) > 0 {
			attrs[k] = pick("urgent fix", "sev1", "p2", "ab", "a much longer prefix than before!", "é", "日本語", "")
		}
	}
	return &vars{kase: &celCase{Language: pick("en", "ja", "de").(string), Zone: pick("ja", "UTC").(string), Attrs: attrs, given: true},
		now: time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)}
}

// shapedCatalog is a catalog like one imported from n helpdesk policies:
// per policy a filter of the importer's shapes (ids, tags, types), a rule
// per metric and priority, a last rule for no policy.
func shapedCatalog(n int) []byte {
	var b strings.Builder
	b.WriteString("tiers:\n  z:\n    name: Z\n    response: {P1: 1m 24x7}\n    resolution: {P1: 1h 24x7}\nrules:\n")
	types := []string{"incident", "problem", "question", "task"}
	for i := range n {
		var when string
		switch i % 4 {
		case 0:
			when = fmt.Sprintf("('organization_id' in case.attrs && case.attrs['organization_id'] == %d) && ('tags' in case.attrs && ['vip', 't%d'].exists(v, v in case.attrs['tags']))", i%37, i%11)
		case 1:
			when = fmt.Sprintf("('type' in case.attrs && case.attrs['type'] == '%s') && !('group_id' in case.attrs && case.attrs['group_id'] != %d)", types[i%len(types)], i%13)
		case 2:
			when = fmt.Sprintf("('brand_id' in case.attrs && case.attrs['brand_id'] in [%d, %d]) && case.language == '%s'", i%5, i%7, []string{"en", "ja"}[i%2])
		default:
			when = fmt.Sprintf("'via_id' in case.attrs && case.attrs['via_id'] == %d && 'group_id' in case.attrs", i%9)
		}
		for _, m := range []string{"response", "resolution"} {
			for p := 1; p <= 4; p++ {
				fmt.Fprintf(&b, "  - id: p%d.%s.%d\n    when: %q\n    metric: %s\n    priorities: [P%d]\n    within: %dm\n    calendar: 24x7\n", i, m, p, when, m, p, 10*p+i%17)
			}
		}
	}
	b.WriteString("  - id: none\n    when: \"true\"\n    within: none\n  - id: none-resolution\n    when: \"true\"\n    metric: resolution\n    within: none\n")
	return []byte(b.String())
}

// A catalog of many conditions of few shapes decides every case as the
// same catalog whose conditions are all compiled from their text.
func TestShapedCatalogDecidesAsText(t *testing.T) {
	types := []string{"incident", "problem", "question", "task"}
	t.Run("generated", func(t *testing.T) {
		assertDecidesAsText(t, "z", shapedCatalog(400), func(rng *rand.Rand, attrs map[string]any) {
			maybe(rng, attrs, "organization_id", int64(rng.IntN(40)))
			maybe(rng, attrs, "tags", []any{"x", fmt.Sprintf("t%d", rng.IntN(12))})
			maybe(rng, attrs, "type", types[rng.IntN(4)])
			maybe(rng, attrs, "group_id", int64(rng.IntN(14)))
			maybe(rng, attrs, "brand_id", int64(rng.IntN(8)))
			maybe(rng, attrs, "via_id", int64(rng.IntN(10)))
		})
	})
	// testdata/imported-zendesk.yaml is what input's Zendesk import writes
	// for 60 policies of varied filters (input keeps it so).
	t.Run("imported from Zendesk", func(t *testing.T) {
		src, err := os.ReadFile("testdata/imported-zendesk.yaml")
		require.NoError(t, err)
		tags := []any{"vip", "gold", "beta", "eu", "legal"}
		assertDecidesAsText(t, "zendesk", src, func(rng *rand.Rand, attrs map[string]any) {
			maybe(rng, attrs, "type", types[rng.IntN(4)])
			maybe(rng, attrs, "group_id", int64(360000+rng.IntN(6)))
			maybe(rng, attrs, "organization_id", int64(1000+rng.IntN(20)))
			maybe(rng, attrs, "via_id", int64(rng.IntN(50)))
			maybe(rng, attrs, "tags", tags[:rng.IntN(len(tags))])
			maybe(rng, attrs, "custom_fields_360001", []string{"hardware", "software", "billing"}[rng.IntN(3)])
			maybe(rng, attrs, "schedule_id", int64(1+rng.IntN(2)))
		})
	})
}

// maybe sets attrs[k] to v, every other time.
func maybe(rng *rand.Rand, attrs map[string]any, k string, v any) {
	if rng.IntN(2) == 0 {
		attrs[k] = v
	}
}

// assertDecidesAsText compiles src with conditions made from their shapes
// and from their text, and compares the rules' costs and 600 random cases'
// decisions of every metric for the tier (attrs sets their attributes).
func assertDecidesAsText(t *testing.T, tier string, src []byte, attrs func(*rand.Rand, map[string]any)) {
	var seen *compiler
	shaped, _, err := compileDocs([]string{"c.yaml"}, [][]byte{src}, false, func(c *compiler) { seen = c })
	require.NoError(t, err)
	text, _, err := compileDocs([]string{"c.yaml"}, [][]byte{src}, false, func(c *compiler) { c.textOnly = true })
	require.NoError(t, err)
	texts, shapes := map[string]bool{}, map[string]bool{}
	for i, r := range shaped.rules {
		require.Equal(t, text.rules[i].cost, r.cost, "rule %s", r.id)
		sh, ok := shapeOf(r.when.src)
		require.True(t, ok)
		texts[r.when.src], shapes[sh.key] = true, true
	}
	// (and lifecycle conditions of one shape too)
	assert.GreaterOrEqual(t, seen.fromShapes, len(texts)-len(shapes), "every distinct condition but the first of its shape is made from it")
	assert.Greater(t, seen.fromShapes, 10)
	rng := rand.New(rand.NewPCG(19, 2))
	opened := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	matched := map[string]bool{}
	for k := range 600 {
		c := Case{Tier: tier, Priority: slo.Priority(1 + rng.IntN(4)), Opened: opened, Language: []string{"en", "ja", "de"}[rng.IntN(3)], Attrs: map[string]any{}}
		attrs(rng, c.Attrs)
		for m := range shaped.Metrics() {
			got, gotErr := shaped.resolve(context.Background(), &c, metric(m))
			want, wantErr := text.resolve(context.Background(), &c, metric(m))
			require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr), "case %d metric %d", k, m)
			require.Equal(t, want.target, got.target, "case %d metric %d", k, m)
			require.Equal(t, want.rule, got.rule, "case %d metric %d", k, m)
			matched[got.rule] = true
		}
	}
	assert.Greater(t, len(matched), 60, "the cases reach many rules")
}
