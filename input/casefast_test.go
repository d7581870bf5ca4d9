package input

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fastCaseSeeds are case documents the fast path reads: the server's and
// the README's examples, and every JSON shape an attribute may take.
var fastCaseSeeds = []struct{ name, src string }{
	{"deadline", `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`},
	{"zone last, date", `{"tier":"gold","priority":"p1","opened":"2026-03-02","zone":"Asia/Tokyo"}`},
	{"local time and now", ` {"now": "2026-03-03T09:00", "tier": "gold", "priority": "P4", "opened": "2026-03-02T09:00", "zone": "America/New_York"} `},
	{"every key", `{"tier":"gold","priority":"P3","opened":"2026-03-02T09:00:00+01:00","zone":"Europe/Paris","language":"fr","account":"acme","country":"FR","now":"2026-03-02T10:00:00.5Z","attrs":{}}`},
	{"attrs", `{"tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"email":"ana@example.com","production":true,"seats":-12,"zero":0,"none":null,"list":[1,"a",[],{}],"map":{"x":{"y":[false]}}}}`},
	{"escapes", `{"ti\u0065r":"g\u00f6ld\n","priority":" P2 ","opened":"2026-03-02T09:00:00Z","attrs":{"\u0041":"\ud83d\ude00","<<":"merge?"}}`},
	{"integer edges", `{"tier":"gold","priority":"P1","opened":"2026-03-02","attrs":{"a":-0,"b":0,"c":123456789012345678,"d":-123456789012345678,"e":"0x1F","f":"1e3","g":"true"}}`},
	{"invalid utf-8", "{\"tier\":\"g\xffld\",\"priority\":\"P1\",\"opened\":\"2026-03-02\",\"attrs\":{\"\xfe\":\"\xc3\"}}"},
	{"blanks", "{\r\n\t\"tier\" : \"gold\" ,\n \"priority\":\"P1\",\"opened\":\"2026-03-02T09:00:00Z\"\n}\n"},
}

// positionedOnly are documents the fast path leaves to the positioned
// path: some it reads (a number as a tier, a float attribute), most it
// refuses.
var positionedOnly = []struct{ name, src string }{
	{"yaml", "tier: gold\npriority: P1\nopened: 2026-03-02T09:00:00Z\n"},
	{"number tier", `{"tier":7,"priority":"P1","opened":"2026-03-02T09:00:00Z"}`},
	{"float attr", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"x":1.5}}`},
	{"big attr", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"x":12345678901234567890}}`},
	{"exponent attr", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"x":1e3}}`},
	{"duplicate key", `{"tier":"gold","tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z"}`},
	{"duplicate escaped key", `{"tier":"gold","ti\u0065r":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z"}`},
	{"duplicate attr", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"a":1,"a":1}}`},
	{"unknown key", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","color":"red"}`},
	{"events", `{"tier":"gold","priority":"P1","opened":"2026-03-02","events":[]}`},
	{"missing opened", `{"tier":"gold","priority":"P1"}`},
	{"bad priority", `{"tier":"gold","priority":"P9","opened":"2026-03-02"}`},
	{"blank tier", `{"tier":" ","priority":"P1","opened":"2026-03-02"}`},
	{"unknown zone", `{"tier":"gold","priority":"P1","opened":"2026-03-02","zone":"Mars/Base"}`},
	{"Local zone", `{"tier":"gold","priority":"P1","opened":"2026-03-02","zone":"Local"}`},
	{"bad instant", `{"tier":"gold","priority":"P1","opened":"2026-13-02"}`},
	{"year 0", `{"tier":"gold","priority":"P1","opened":"0000-12-31T23:00:00Z"}`},
	{"wrong type", `{"tier":"gold","priority":"P1","opened":[1]}`},
	{"null attrs", `{"tier":"gold","priority":"P1","opened":"2026-03-02","attrs":null}`},
	{"trailing comma", `{"tier":"gold","priority":"P1","opened":"2026-03-02",}`},
	{"two values", `{"tier":"gold","priority":"P1","opened":"2026-03-02"} {}`},
	{"not a mapping", `[1]`},
	{"unterminated", `{"tier":"gold"`},
	{"empty", ``},
	{"deep attrs", `{"tier":"gold","priority":"P1","opened":"2026-03-02","attrs":{"a":` + deep(70) + `}}`},
}

// deep is n nested arrays.
func deep(n int) string {
	b := make([]byte, 0, 2*n)
	for range n {
		b = append(b, '[')
	}
	for range n {
		b = append(b, ']')
	}
	return string(b)
}

func TestParseCaseFast(t *testing.T) {
	for _, tt := range fastCaseSeeds {
		t.Run(tt.name, func(t *testing.T) {
			want, err := parseCasePositioned("body", []byte(tt.src))
			require.NoError(t, err)
			got, ok := parseCaseFast([]byte(tt.src))
			require.True(t, ok, "the fast path reads it")
			require.Equal(t, want, got)
			viaParse, err := ParseCase("body", []byte(tt.src))
			require.NoError(t, err)
			require.Equal(t, want, viaParse)
		})
	}
	t.Run("attribute types", func(t *testing.T) {
		c, ok := parseCaseFast([]byte(fastCaseSeeds[4].src))
		require.True(t, ok)
		assert.Equal(t, map[string]any{"x": map[string]any{"y": []any{false}}}, c.Attrs["map"])
		assert.Equal(t, -12, c.Attrs["seats"])
		assert.Equal(t, []any{1, "a", []any{}, map[string]any{}}, c.Attrs["list"])
		assert.Contains(t, c.Attrs, "none")
	})
}

func TestParseCaseFastDeclines(t *testing.T) {
	for _, tt := range positionedOnly {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := parseCaseFast([]byte(tt.src))
			require.False(t, ok, "left to the positioned path")
			want, wantErr := parseCasePositioned("body", []byte(tt.src))
			got, err := ParseCase("body", []byte(tt.src))
			require.Equal(t, wantErr, err, "ParseCase's error is the positioned path's")
			require.Equal(t, want, got)
		})
	}
}

func TestParseCaseFastAllocs(t *testing.T) {
	src := []byte(fastCaseSeeds[0].src)
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok := parseCaseFast(src); !ok {
			t.Fatal("not read")
		}
	})
	t.Logf("%.0f allocations", allocs)
	assert.LessOrEqual(t, allocs, 2.0, "the tier and the opening's text; the priority and the zone are interned")
}

// exampleBodies are the JSON objects of the service's documents: the
// OpenAPI document's examples and the README's curl bodies.
func exampleBodies(t testing.TB) [][]byte {
	var out [][]byte
	if raw, err := os.ReadFile("../server/openapi.json"); err == nil {
		var doc any
		require.NoError(t, json.Unmarshal(raw, &doc))
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if k == "example" {
						b, _ := json.Marshal(x)
						out = append(out, b)
					}
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(doc)
	}
	if readme, err := os.ReadFile("../README.md"); err == nil {
		for _, m := range regexp.MustCompile(`(?m)curl .* -d '(\{[^']*\})'`).FindAllSubmatch(readme, -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// For every input, the fast path reads a case only when the positioned
// path reads it too, and the same case; what it reads is one JSON object.
func FuzzParseCaseFast(f *testing.F) {
	for _, s := range fastCaseSeeds {
		f.Add([]byte(s.src))
	}
	for _, s := range positionedOnly {
		f.Add([]byte(s.src))
	}
	for _, b := range exampleBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := parseCaseFast(src)
		if !ok {
			return
		}
		want, err := parseCasePositioned("body", src)
		require.NoError(t, err, "the fast path read what the positioned path refuses")
		require.Equal(t, want, got)
		require.True(t, json.Valid(src), "the fast path read what is not JSON")
	})
}

func TestExampleBodies(t *testing.T) {
	bodies := exampleBodies(t)
	require.NotEmpty(t, bodies, "the OpenAPI document and the README give examples")
	read := 0
	for _, b := range bodies {
		if _, ok := parseCaseFast(b); ok {
			read++
		}
	}
	assert.Positive(t, read, "the deadline examples are read by the fast path")
}

func TestParseJSONCase(t *testing.T) {
	tests := []struct {
		name, src string
		ok        bool
	}{
		{"a JSON case", fastCaseSeeds[0].src, true},
		{"a YAML flow mapping ParseCase reads", `{tier: gold, priority: P1, opened: 2026-03-02}`, false},
		{"YAML", "tier: gold\npriority: P1\nopened: 2026-03-02\n", false},
		{"a refused case", `{"tier":"gold","priority":"P9","opened":"2026-03-02"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := ParseJSONCase([]byte(tt.src))
			require.Equal(t, tt.ok, ok)
			if !ok {
				assert.Zero(t, c)
				return
			}
			want, err := ParseCase("body", []byte(tt.src))
			require.NoError(t, err)
			assert.Equal(t, want, c)
		})
	}
}

// The fast reader knows exactly CaseKeys: a key added to or taken from
// them is read, or refused, by both paths alike.
func TestCaseKeysFast(t *testing.T) {
	seen := map[int]bool{}
	for _, k := range CaseKeys {
		bit, ok := caseKey(k)
		require.True(t, ok, "%s is read by the fast path", k)
		seen[bit] = true
	}
	assert.Len(t, seen, caseKeyCount, "one bit a key, no key the positioned path does not know")
	_, ok := caseKey("events")
	assert.False(t, ok)
}
