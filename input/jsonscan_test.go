package input

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONScanValues(t *testing.T) {
	tests := []struct {
		name, src string
		want      jsonValue
	}{
		{"a string", `"abc"`, jsonValue{'"', "abc"}},
		{"escapes", `"a\"b\\c\u00e9\ud83d\ude00\n"`, jsonValue{'"', "a\"b\\cé😀\n"}},
		{"an integer", `-12`, jsonValue{'0', "-12"}},
		{"a float", `1.5e-3`, jsonValue{'0', "1.5e-3"}},
		{"true", `true`, jsonValue{kind: 't'}},
		{"false", `false`, jsonValue{kind: 'f'}},
		{"null", `null`, jsonValue{kind: 'n'}},
		{"an object skipped", `{"a": [1, {"b": null}], "c": "}"}`, jsonValue{kind: '{'}},
		{"an empty array", `[ ]`, jsonValue{kind: '['}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &jsonScan{b: []byte(tc.src)}
			v, ok := s.value()
			require.True(t, ok, s.err)
			assert.Equal(t, tc.want, v)
			assert.Equal(t, len(tc.src), s.i, "the whole value is read")
		})
	}
}

func TestJSONScanErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
		at              int
	}{
		{"a bare word", `nope`, "invalid character 'n' looking for beginning of value", 1},
		{"a leading zero's digits", `-x`, "invalid character 'x' in numeric literal", 2},
		{"a control character", "\"a\tb\"", `invalid character '\t' in string literal`, 3},
		{"a bad escape", `"a\qb"`, "invalid string literal: invalid character 'q' in string escape code", 1},
		{"an unclosed string", `"abc`, "unexpected end of the line: want one JSON object a line", 5},
		{"a missing colon", `{"a" 1}`, "invalid character '1' after object key", 6},
		{"a missing comma", `[1 2]`, "invalid character '2' after array element", 4},
		{"too deep", strings.Repeat("[", maxDepth+1), "exceeded max depth", maxDepth + 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &jsonScan{b: []byte(tc.src)}
			_, ok := s.value()
			require.False(t, ok)
			assert.Equal(t, tc.want, s.err)
			assert.Equal(t, tc.at, s.at)
		})
	}
}

// strEndReference is strEnd byte by byte, as it was first written.
func strEndReference(s *jsonScan) (int, bool, bool) {
	if s.ws() != '"' {
		return 0, false, s.fail("invalid character %s %s", quoteByte(s), "")
	}
	start, escaped := s.i, false
	for s.i++; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '\\':
			escaped = true
			s.i++
		case c < 0x20:
			return 0, false, s.fail("invalid character %s in string literal", quoteByte(s))
		case c == '"':
			s.i++
			return start, escaped, true
		}
	}
	return 0, false, s.fail("")
}

// strEnd, eight bytes at a time, agrees with the byte by byte reading on
// random strings of quotes, backslashes, control characters and runes.
func TestStrEndAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 8))
	alphabet := []byte("ab\"\\\x00\x1f \x7f\xc3\xa9\xff!#[]")
	for range 100_000 {
		b := make([]byte, 1+rng.IntN(40))
		b[0] = '"'
		for i := 1; i < len(b); i++ {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(2) == 0 {
				b[i] = 'x'
			}
		}
		fast, ref := jsonScan{b: b}, jsonScan{b: b}
		s1, e1, ok1 := fast.strEnd("")
		s2, e2, ok2 := strEndReference(&ref)
		require.Equal(t, []any{s2, e2, ok2, ref.i, ref.err, ref.at}, []any{s1, e1, ok1, fast.i, fast.err, fast.at}, "%q", b)
	}
}
