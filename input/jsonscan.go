package input

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// jsonScan reads the JSON values of one line byte by byte, keeping its
// offset for positions: encoding/json's Decoder.Token formats an error
// after every scalar it reads, which made a line cost several times its
// reading.
type jsonScan struct {
	b   []byte
	i   int    // offset of the next byte
	err string // the first syntax error, "" for none
	at  int    // its column
	// intern, when not nil, holds strings read often (keys, names): a
	// string found in it is returned without an allocation.
	intern *wordTable
}

// maxDepth bounds the nesting of a skipped value, as encoding/json does.
const maxDepth = 10000

// jsonValue is a scalar read, or the kind of a composite value skipped.
type jsonValue struct {
	kind byte   // '"' string, '0' number, 't' true, 'f' false, 'n' null, '{' object, '[' array
	text string // a string's value or a number's text
}

// kindName names v's kind for messages.
func (v jsonValue) kindName() string {
	switch v.kind {
	case '"':
		return "a string"
	case '0':
		return "a number " + v.text
	case 't', 'f':
		return "a boolean"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "null"
}

// fail records a syntax error at the current byte.
func (s *jsonScan) fail(format string, args ...any) bool {
	if s.err == "" {
		s.err, s.at = fmt.Sprintf(format, args...), s.i+1
		if s.i >= len(s.b) {
			s.err = "unexpected end of the line: want one JSON object a line"
		}
	}
	return false
}

// ws skips blanks and returns the next byte, 0 at the end.
func (s *jsonScan) ws() byte {
	for s.i < len(s.b) {
		switch c := s.b[s.i]; c {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return c
		}
	}
	return 0
}

// expect reads the byte c after blanks; what says what was being read.
func (s *jsonScan) expect(c byte, what string) bool {
	if s.ws() != c {
		return s.fail("invalid character %s %s", quoteByte(s), what)
	}
	s.i++
	return true
}

// quoteByte quotes the next byte as encoding/json's errors do.
func quoteByte(s *jsonScan) string {
	if s.i >= len(s.b) {
		return "end"
	}
	r, _ := utf8.DecodeRune(s.b[s.i:])
	return fmt.Sprintf("%q", r)
}

// str reads a string.
func (s *jsonScan) str(what string) (string, bool) {
	start, escaped, ok := s.strEnd(what)
	if !ok {
		return "", false
	}
	raw := s.b[start:s.i]
	if !escaped {
		if v, ok := s.intern.find(raw[1 : len(raw)-1]); ok {
			return v, true
		}
	}
	if !escaped && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	var out string
	if err := json.Unmarshal(raw, &out); err != nil {
		s.i = start
		return "", s.fail("invalid string literal: %v", err)
	}
	return out, true
}

// strEnd reads past a string, without building it: it returns the
// offset of its opening quote and whether it holds escapes (which only
// str checks). Eight bytes are skipped at once while none ends the
// string, escapes or is a control character.
func (s *jsonScan) strEnd(what string) (int, bool, bool) {
	if s.ws() != '"' {
		return 0, false, s.fail("invalid character %s %s", quoteByte(s), what)
	}
	start, escaped := s.i, false
	for s.i++; s.i < len(s.b); {
		if s.i+8 <= len(s.b) && !specialWord(binary.LittleEndian.Uint64(s.b[s.i:])) {
			s.i += 8
			continue
		}
		switch c := s.b[s.i]; {
		case c == '\\':
			escaped = true
			s.i += 2
		case c < 0x20:
			return 0, false, s.fail("invalid character %s in string literal", quoteByte(s))
		case c == '"':
			s.i++
			return start, escaped, true
		default:
			s.i++
		}
	}
	return 0, false, s.fail("")
}

// specialWord reports whether one of the eight bytes of w may be a quote,
// a backslash or a control character (never false when one is).
func specialWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) & ^x & highs }
	return zero(w^(ones*'"'))|zero(w^(ones*'\\'))|((w-ones*0x20)&^w&highs) != 0
}

// digits reads at least one digit.
func (s *jsonScan) digits() bool {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start || s.fail("invalid character %s in numeric literal", quoteByte(s))
}

// number reads a number's text.
func (s *jsonScan) number() (string, bool) {
	start := s.i
	if !s.numberEnd() {
		return "", false
	}
	if v, ok := s.intern.find(s.b[start:s.i]); ok {
		return v, true
	}
	return string(s.b[start:s.i]), true
}

// numberEnd reads past a number, without building its text.
func (s *jsonScan) numberEnd() bool {
	if s.b[s.i] == '-' {
		s.i++
	}
	if s.i < len(s.b) && s.b[s.i] == '0' {
		s.i++
	} else if !s.digits() {
		return false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if !s.digits() {
			return false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

// value reads a scalar, or skips an object or an array, and returns it.
func (s *jsonScan) value() (jsonValue, bool) {
	switch c := s.ws(); {
	case c == '"':
		t, ok := s.str("")
		return jsonValue{'"', t}, ok
	case c == '-' || c >= '0' && c <= '9':
		t, ok := s.number()
		return jsonValue{'0', t}, ok
	case c == '{' || c == '[':
		return jsonValue{kind: c}, s.skip(0)
	}
	return s.literal()
}

// literal reads true, false or null.
func (s *jsonScan) literal() (jsonValue, bool) {
	for _, lit := range []string{"true", "false", "null"} {
		if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
			s.i += len(lit)
			return jsonValue{kind: lit[0]}, true
		}
	}
	return jsonValue{}, s.fail("invalid character %s looking for beginning of value", quoteByte(s))
}

// skipValue reads past a value as value does, with the same errors,
// building no string unless it holds escapes (which str checks).
func (s *jsonScan) skipValue() bool {
	switch c := s.ws(); {
	case c == '"':
		start, escaped, ok := s.strEnd("")
		if ok && escaped {
			s.i = start
			_, ok = s.str("")
		}
		return ok
	case c == '-' || c >= '0' && c <= '9':
		return s.numberEnd()
	case c == '{' || c == '[':
		return s.skip(0)
	}
	_, ok := s.literal()
	return ok
}

// skip reads an object or an array, at depth.
func (s *jsonScan) skip(depth int) bool {
	if depth >= maxDepth {
		return s.fail("exceeded max depth")
	}
	open := s.b[s.i]
	closing := byte(']')
	if open == '{' {
		closing = '}'
	}
	s.i++
	if s.ws() == closing {
		s.i++
		return true
	}
	for {
		if open == '{' {
			if !s.skipKey() || !s.expect(':', "after object key") {
				return false
			}
		}
		if c := s.ws(); c == '{' || c == '[' {
			if !s.skip(depth + 1) {
				return false
			}
		} else if !s.skipValue() {
			return false
		}
		if s.ws() == closing {
			s.i++
			return true
		}
		if !s.expect(',', "after "+map[byte]string{'{': "object key:value pair", '[': "array element"}[open]) {
			return false
		}
	}
}

// skipKey reads past an object's key as str does, with the same errors.
func (s *jsonScan) skipKey() bool {
	const what = "looking for beginning of object key string"
	start, escaped, ok := s.strEnd(what)
	if ok && escaped {
		s.i = start
		_, ok = s.str(what)
	}
	return ok
}
