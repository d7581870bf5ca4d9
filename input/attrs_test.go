package input

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

func TestAttrValue(t *testing.T) {
	assert.Equal(t, true, AttrValue("true"))
	assert.Equal(t, false, AttrValue("false"))
	assert.Equal(t, int64(42), AttrValue("42"))
	assert.Equal(t, int64(-3), AttrValue("-3"))
	assert.Equal(t, "042", AttrValue("042"))
	assert.Equal(t, "ja", AttrValue("ja"))
	// Only an integer written as Go prints it is an int: no sign, base,
	// underscores or trailing text, nothing past int64.
	for _, s := range []string{"+5", "-0", "0x10", "1_000", "5 x", " 5", "9223372036854775808"} {
		assert.Equal(t, s, AttrValue(s), "%q stays a string", s)
	}
	assert.Equal(t, int64(math.MinInt64), AttrValue("-9223372036854775808"))
}

// decodeAttrs reads the attrs of the document src with DecodeAttrs.
func decodeAttrs(t testing.TB, src string) (map[string]any, error) {
	t.Helper()
	d := yamlpos.NewDecoder("a.yaml", []byte(src), ErrInvalidCaseFile)
	root := d.Document()
	require.NotNil(t, root, "%v", d.Errors())
	fields := d.Mapping(root, "", nil)
	require.Len(t, fields, 1)
	m, ok := DecodeAttrs(d, fields[0])
	err := d.Errors().Err()
	assert.Equal(t, err == nil, ok)
	return m, err
}

// The attributes keep the types yaml.v3's Node.Decode gave them, which
// is what CEL sees: the walk must agree with it value for value.
func TestDecodeAttrsAsNodeDecode(t *testing.T) {
	src := `attrs: {s: x, i: 12, big: 99999999999999999999, neg: -5, hex: 0x1F, f: 1.5, inf: .inf, b: true, yes: yes, n: null, ` +
		`ts: 2026-03-06, q: "12", l: [1, a, {x: 1}, [true]], m: {k: v, n: {deep: 2}}, e: , u: 18446744073709551615, al: &a [1], ref: *a}`
	got, err := decodeAttrs(t, src)
	require.NoError(t, err)
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &n))
	var want map[string]any
	require.NoError(t, n.Content[0].Content[1].Decode(&want))
	assert.Equal(t, want, got)
	assert.IsType(t, time.Time{}, got["ts"])
	assert.IsType(t, uint64(0), got["u"])
}

func TestDecodeAttrsErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a duplicate key", "attrs:\n  a: 1\n  b: 2\n  a: 3\n", `a.yaml:4:3: attrs.a: duplicate key "a"`},
		{"a nested duplicate key", "attrs: {m: {x: 1, x: 2}}\n", `a.yaml:1:19: attrs.m.x: duplicate key "x"`},
		{"not a mapping", "attrs: [a]\n", "a.yaml:1:8: attrs: must be a mapping, got a list"},
		{"null", "attrs:\n", "a.yaml:1:7: attrs: must be a mapping, got null"},
		{"a list as a key", "attrs: {[a]: 1}\n", "a.yaml:1:9: attrs: keys must be scalars"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeAttrs(t, tc.src)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCaseFile)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

// attrsDoc is a document of n attributes, each a string.
func attrsDoc(n int) string {
	var b strings.Builder
	b.WriteString("attrs:\n")
	for i := range n {
		fmt.Fprintf(&b, "  k%d: v%d\n", i, i)
	}
	return b.String()
}

// 150,000 attributes: yaml.v3's Node.Decode compares keys pairwise and
// took minutes; the walk is linear (BenchmarkAttrs measures it).
func TestDecodeAttrsMany(t *testing.T) {
	m, err := decodeAttrs(t, attrsDoc(150_000))
	require.NoError(t, err)
	assert.Len(t, m, 150_000)
	assert.Equal(t, "v149999", m["k149999"])
}

// BenchmarkAttrs reads 10,000 and 150,000 attributes: the time per key
// stays the same.
func BenchmarkAttrs(b *testing.B) {
	for _, n := range []int{10_000, 150_000} {
		src := attrsDoc(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decodeAttrs(b, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
