package input

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestParseJSONL(t *testing.T) {
	src := "\ufeff" + `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "zone": "Asia/Tokyo", "attrs": {"vip": true, "seats": 12, "ratio": 0.5, "plan": "gold"}}` +
		"\n\n" + `{"priority": "P1", "opened": "2026-03-06", "attrs": null}` + "\n"
	h, err := ParseJSONL("h.jsonl", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 3}, h.Lines)
	require.Len(t, h.Cases, 2)
	assert.Equal(t, "Asia/Tokyo", h.Cases[0].Zone)
	assert.Equal(t, map[string]any{"vip": true, "seats": int64(12), "ratio": 0.5, "plan": "gold"}, h.Cases[0].Attrs)
	assert.Equal(t, slo.P1, h.Cases[1].Priority)
	assert.Nil(t, h.Cases[1].Attrs)
}

// Keys match exactly, a key given twice is refused where it is written,
// and type errors name the key and the type wanted, never a Go struct.
func TestParseJSONLErrors(t *testing.T) {
	const ok = `"opened": "2026-03-06T10:00:00Z", "priority": "P3"`
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a key in capitals is not the key", `{` + ok + `, "zone": "Europe/Berlin", "ZONE": "Asia/Tokyo"}`,
			[]string{`h.jsonl:1:79: ZONE: unknown key "ZONE" (want one of opened, priority, zone, country, language, account, attrs)`}},
		{"a key twice", `{` + ok + `, "zone": "Europe/Berlin", "zone": "Asia/Tokyo"}`,
			[]string{`h.jsonl:1:79: zone: duplicate key "zone"`}},
		{"an attribute twice", `{` + ok + `, "attrs": {"a": 1, "a": 2}}`,
			[]string{`h.jsonl:1:72: attrs.a: duplicate key "a"`}},
		{"a wrong type names the key", `{"opened": 2026, "priority": "P3"}`,
			[]string{"h.jsonl:1:12: opened: want a string, got a number 2026"}},
		{"attrs not an object", `{` + ok + `, "attrs": [1]}`,
			[]string{"h.jsonl:1:63: attrs: want an object of attributes, got an array"}},
		{"JSON syntax", `{"opened": "2026-03-06T10:00:00Z", "priority": P3}`,
			[]string{"h.jsonl:1:48: invalid character 'P' looking for beginning of value"}},
		{"an unknown key", "\n" + `{` + ok + `, "tier": "x"}`, []string{`h.jsonl:2:54: tier: unknown key "tier" (want one of opened, priority, zone, country, language, account, attrs)`}},
		{"two values on a line", `{` + ok + `} {}`, []string{"h.jsonl:1:54: more than one value on the line"}},
		{"not an object", `[1, 2]`, []string{`h.jsonl:1:1: want an object such as {"opened": "2026-03-02T10:00:00Z", "priority": "P3"}, got an array`}},
		{"a bad character inside a value", `{"opened": "2026-03-06T10:00:00Z", "priority": 12x}`,
			[]string{"h.jsonl:1:48: priority: want a string, got a number 12", "h.jsonl:1:50: invalid character 'x' after object key:value pair"}},
		{"a cut line", `{"opened": "2026-03-06T10:00:00Z", "prio`, []string{"h.jsonl:1:41: unexpected end of the line: want one JSON object a line"}},
		{"a nested attribute", `{` + ok + `, "attrs": {"plan": {"x": 1}}}`,
			[]string{"h.jsonl:1:72: attrs.plan: want a string, number or boolean, got an object"}},
		{"a null attribute", `{` + ok + `, "attrs": {"a": 1, "b": null}}`,
			[]string{"h.jsonl:1:77: attrs.b: want a string, number or boolean, got null"}},
		{"a number out of range", `{` + ok + `, "attrs": {"n": 1e400}}`,
			[]string{"h.jsonl:1:69: attrs.n: number 1e400 is out of range"}},
		{"a bad priority", `{"opened": "2026-03-06T10:00:00Z", "priority": "urgent"}`,
			[]string{`h.jsonl:1:36: priority: invalid priority "urgent": want one of P1, P2, P3, P4`}},
		{"errors on several lines", `{"opened": "x", "priority": "P3"}` + "\n" + `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "Zone": "UTC"}`, []string{
			`h.jsonl:1:2: opened: invalid time "x": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`,
			`h.jsonl:2:54: Zone: unknown key "Zone" (want one of opened, priority, zone, country, language, account, attrs)`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseJSONL("h.jsonl", []byte(tc.src))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidHistory)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
			assert.NotContains(t, err.Error(), "jsonRow")
		})
	}
}

// badAttrsLine is one line with n attributes of the wrong type.
func badAttrsLine(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "attrs": {`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"a%d": [%d]`, i, i)
	}
	b.WriteString("}}\n")
	return []byte(b.String())
}

// 80,000 bad attributes on one line: listed (capped) in linear time; the
// reader by encoding/json took 50 s.
func TestParseJSONLManyBadAttributes(t *testing.T) {
	_, err := ParseJSONL("h.jsonl", badAttrsLine(80_000))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, MaxErrors+1)
	assert.Equal(t, 80_000-MaxErrors, list.Dropped())
}

func BenchmarkParseJSONLBadAttributes(b *testing.B) {
	for _, n := range []int{10_000, 80_000} {
		src := badAttrsLine(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseJSONL("h.jsonl", src); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}
