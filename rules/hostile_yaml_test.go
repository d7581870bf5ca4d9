package rules

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A valid tier body, for generated catalogs.
const hostileTier = "{name: T, response: {P1: 1h 24x7}}"

// joined is item(0), ..., item(n-1) separated by sep.
func joined(n int, sep string, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// aliasedUnknownKeys is one anchored mapping with keys unknown keys,
// aliased as the body of tiers tiers.
func aliasedUnknownKeys(keys, tiers int) []byte {
	return []byte("x: &a {" + joined(keys, ", ", func(i int) string { return fmt.Sprintf("k%d: 1", i) }) + "}\n" +
		"tiers: {" + joined(tiers, ", ", func(i int) string { return fmt.Sprintf("t%d: *a", i) }) + "}\n")
}

// billionLaughs nests levels lists of ten aliases of the previous list and
// uses the last one as the languages of a tier.
func billionLaughs(levels int) []byte {
	src := "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i < levels; i++ {
		src += fmt.Sprintf("l%d: &l%d [%s]\n", i, i, joined(10, ", ", func(int) string { return fmt.Sprintf("*l%d", i-1) }))
	}
	return []byte(src + fmt.Sprintf("tiers: {t: {name: T, response: {P1: 1h 24x7}, languages: *l%d}}\n", levels-1))
}

// aliasedBands is a list of n aliases of one band, the bands of a price
// shared by tiers tiers: the decoder walks tiers × n bands.
func aliasedBands(n, tiers int) []byte {
	return []byte("b: &b {rate: \"1\"}\nl: &l [" + joined(n, ", ", func(int) string { return "*b" }) + "]\n" +
		"p: &p {name: T, response: {P1: 1h 24x7}, price: {currency: USD, bands: *l}}\n" +
		"tiers: {" + joined(tiers, ", ", func(i int) string { return fmt.Sprintf("t%d: *p", i) }) + "}\n")
}

// manyLanguages is one tier with n languages; the last repeats the first.
func manyLanguages(n int) []byte {
	return []byte("tiers:\n  t:\n    name: T\n    response: {P1: 1h 24x7}\n    languages: [" +
		joined(n, ", ", func(i int) string { return fmt.Sprintf("l%d", i%(n-1)) }) + "]\n")
}

// aliasedList is a list of n languages aliased by tiers tiers.
func aliasedList(n, tiers int) []byte {
	return []byte("l: &l [" + joined(n, ", ", func(i int) string { return fmt.Sprintf("l%d", i) }) + "]\ntiers:\n" +
		joined(tiers, "", func(i int) string {
			return fmt.Sprintf("  t%d: {name: T, response: {P1: 1h 24x7}, languages: *l}\n", i)
		}))
}

// longLineRuleExpr is the when expression of rule i of longLineRules: after
// multi-byte characters, 300 undeclared names, each an error.
func longLineRuleExpr(i int) string {
	return fmt.Sprintf("\"%s\" == \"é\" && (%s)", strings.Repeat("é", 100),
		joined(300, " || ", func(j int) string { return fmt.Sprintf("u%d_%d", i, j) }))
}

// longLineRules is n rules whose when expressions each have errors, all on
// one line.
func longLineRules(n int) []byte {
	return []byte("tiers: {t: " + hostileTier + "}\nrules: [" +
		joined(n, ", ", func(i int) string { return fmt.Sprintf("{id: r%d, within: 1h, when: '%s'}", i, longLineRuleExpr(i)) }) + "]\n")
}

// columnOf is the 1-based rune column of the first occurrence of sub on line
// (1-based) of src.
func columnOf(t *testing.T, src []byte, line int, sub string) string {
	t.Helper()
	text := strings.Split(string(src), "\n")[line-1]
	i := strings.Index(text, sub)
	require.GreaterOrEqual(t, i, 0)
	return fmt.Sprintf("%d:%d", line, utf8.RuneCountInString(text[:i])+1)
}

// TestHostileYAML compiles generated hostile catalogs: each must end with a
// positioned error and a bounded number of them.
func TestHostileYAML(t *testing.T) {
	tests := []struct {
		name    string
		src     func(t *testing.T) []byte
		want    []string // substrings of the error text
		maxErrs int      // bound on len(ErrorList), summary line included
		dropped int      // exact ErrorList.Dropped()
	}{
		{
			name: "errors of an aliased mapping are reported once and capped",
			src:  func(*testing.T) []byte { return aliasedUnknownKeys(200, 1000) },
			want: []string{
				`hostile.yaml:1:8: tiers.t0.k0: unknown key "k0"`,
				// The anchor's key, 200 unknown keys once each and two
				// missing keys per tier.
				fmt.Sprintf("\nand %d more errors", 1+200+2*1000-MaxErrors),
			},
			maxErrs: MaxErrors + 1,
			dropped: 1 + 200 + 2*1000 - MaxErrors,
		},
		{
			name:    "1000 keys aliased by 1000 tiers",
			src:     func(*testing.T) []byte { return aliasedUnknownKeys(1000, 1000) },
			want:    []string{`hostile.yaml:1:8: tiers.t0.k0: unknown key "k0"`, ": yaml: aliases expand to too many values", "more errors"},
			maxErrs: MaxErrors + 2,
			dropped: -1,
		},
		{
			name: "a mapping aliased in two sections reports the keys unknown to each",
			src: func(*testing.T) []byte {
				return []byte("x: &a {zone: UTC, hours: {mon: 09:00-17:00}, name: T, response: {P1: 1h 24x7}}\n" +
					"calendars: {c: *a, d: *a}\ntiers: {t: *a, u: *a}\n")
			},
			want: []string{
				`hostile.yaml:1:8: tiers.t.zone: unknown key "zone"`,
				`hostile.yaml:1:46: calendars.c.name: unknown key "name"`,
			},
			maxErrs: 5, // x, and zone, hours, name and response once each
			dropped: 0,
		},
		{
			name:    "billion laughs",
			src:     func(*testing.T) []byte { return billionLaughs(9) },
			want:    []string{"hostile.yaml:8:5: tiers.t.languages[0]: must be a scalar, got a list"},
			maxErrs: 10, // the nine anchors' unknown keys, the list once
			dropped: 0,
		},
		{
			name:    "a list of aliased bands shared by many tiers",
			src:     func(*testing.T) []byte { return aliasedBands(10000, 1000) },
			want:    []string{"hostile.yaml:1:4: tiers.t", ".price.bands[", "]: yaml: aliases expand to too many values"},
			maxErrs: 5, // the band's rate and the anchors' unknown keys once
			dropped: 0,
		},
		{
			name:    "100000 languages with one duplicate",
			src:     func(*testing.T) []byte { return manyLanguages(100000) },
			want:    []string{`hostile.yaml:5:`, `: tiers.t.languages[99999]: duplicate value "l0"`},
			maxErrs: 1,
			dropped: 0,
		},
		{
			name:    "a 10000-language list aliased by 597 tiers",
			src:     func(*testing.T) []byte { return aliasedList(10000, 597) },
			want:    []string{"hostile.yaml:1:4: tiers.t", ".languages: yaml: aliases expand to too many values"},
			maxErrs: 2, // and the anchor's unknown key
			dropped: 0,
		},
		{
			name: "erroneous rules on one long line",
			// 10 rules keep the test fast: cel-go's own error formatting
			// dominates; BenchmarkCompileLongLineErrors takes 100.
			src: func(t *testing.T) []byte {
				src := longLineRules(10)
				require.Greater(t, len(src), 30_000)
				return src
			},
			want: []string{
				"hostile.yaml:" + columnOf(t, longLineRules(10), 2, "u0_0 ") + ": rules[0].when: undeclared reference to 'u0_0'",
				"\nand 900 more errors",
			},
			maxErrs: MaxErrors + 1,
			dropped: 10*100 - MaxErrors, // cel-go reports 100 errors per expression
		},
		{
			name: "a binary tag",
			src: func(*testing.T) []byte {
				return []byte("tiers:\n  t:\n    name: !!binary VA==\n    response: {P1: 1h 24x7}\n")
			},
			want:    []string{"hostile.yaml:3:11: tiers.t.name: yaml tags are not supported: !!binary"},
			maxErrs: 1,
		},
		{
			name:    "a custom tag on a key",
			src:     func(*testing.T) []byte { return []byte("tiers:\n  !custom t: " + hostileTier + "\n") },
			want:    []string{"hostile.yaml:2:3: tiers: yaml tags are not supported: !custom"},
			maxErrs: 1,
		},
		{
			name:    "a tag on a collection",
			src:     func(*testing.T) []byte { return []byte("tiers: !!map\n  t: " + hostileTier + "\n") },
			want:    []string{"hostile.yaml:1:8: tiers: yaml tags are not supported: !!map"},
			maxErrs: 1,
		},
		{
			name:    "a float tag on a number",
			src:     func(*testing.T) []byte { return []byte("version: !!float 1\ntiers: {t: " + hostileTier + "}\n") },
			want:    []string{"hostile.yaml:1:10: version: yaml tags are not supported: !!float"},
			maxErrs: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("hostile.yaml", tc.src(t))
			require.Error(t, err)
			require.ErrorIs(t, err, ErrInvalidCatalog)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			var first *Error
			require.True(t, errors.As(err, &first))
			assert.Equal(t, "hostile.yaml", first.File)
			assert.Positive(t, first.Line, "the first error is positioned: %v", first)
			n, dropped := 1, 0
			var list ErrorList
			if errors.As(err, &list) {
				n, dropped = len(list), list.Dropped()
			}
			assert.LessOrEqual(t, n, tc.maxErrs)
			if tc.dropped >= 0 {
				assert.Equal(t, tc.dropped, dropped)
			}
		})
	}
}

// The decoder itself keeps at most MaxErrors errors, a fatal one and the
// count of the others while it reads: memory stays bounded, not only the
// list it returns.
func TestDecoderKeepsBoundedErrors(t *testing.T) {
	tests := []struct {
		name    string
		src     []byte
		dropped int
	}{
		{"repeated errors", aliasedUnknownKeys(20, 500), 1 + 20 + 2*500 - MaxErrors},
		{"repeats and the alias budget", aliasedUnknownKeys(1000, 1000), -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDecoder("t.yaml", tc.src)
			d.parseFile(d.Document(), &catalogFile{})
			assert.LessOrEqual(t, len(d.Errors()), MaxErrors+2)
			assert.Positive(t, d.Errors().Dropped())
			if tc.dropped >= 0 {
				assert.Equal(t, tc.dropped, d.Errors().Dropped())
			}
		})
	}
}

// The same catalog with CRLF line ends reports the same positions as with LF.
func TestCRLFPositions(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"cel error", "tiers:\n  t: " + hostileTier + "\nrules:\n  - id: r\n    within: 1h\n    when: >\n      case.priority == 1 &&\n      nope\n", "c.yaml:8:7: rules[0].when: undeclared reference to 'nope'"},
		{"scalar error", "tiers:\n  t:\n    name: T\n    legacy: maybe\n    response: {P1: 1h 24x7}\n", `c.yaml:4:13: tiers.t.legacy: must be true or false, got "maybe"`},
		{"yaml syntax error", "tiers:\n  t:\n    name: T\n    response: [x,\n", "c.yaml:4:5: yaml: did not find expected node content"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, lf := Compile("c.yaml", []byte(tc.src))
			require.Error(t, lf)
			assert.Contains(t, lf.Error(), tc.want)
			_, crlf := Compile("c.yaml", []byte(strings.ReplaceAll(tc.src, "\n", "\r\n")))
			require.Error(t, crlf)
			assert.Equal(t, lf.Error(), crlf.Error())
		})
	}
}

func benchmarkCompileError(b *testing.B, src []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Compile("bench.yaml", src); err == nil {
			b.Fatal("want an error")
		}
	}
}

// BenchmarkCompileAliasedErrors: 200 unknown keys aliased by 1000 tiers.
func BenchmarkCompileAliasedErrors(b *testing.B) {
	benchmarkCompileError(b, aliasedUnknownKeys(200, 1000))
}

// BenchmarkCompileManyLanguages: one tier with 100000 languages.
func BenchmarkCompileManyLanguages(b *testing.B) {
	benchmarkCompileError(b, manyLanguages(100000))
}

// BenchmarkCompileAliasedList: a 10000-language list aliased by 597 tiers.
func BenchmarkCompileAliasedList(b *testing.B) {
	benchmarkCompileError(b, aliasedList(10000, 597))
}

// BenchmarkCompileLongLineErrors: 100 rules with 300 errors each on one
// 340 KB line.
func BenchmarkCompileLongLineErrors(b *testing.B) {
	benchmarkCompileError(b, longLineRules(100))
}
