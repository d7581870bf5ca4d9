package input

import (
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The keys of a case document, as bits of caseScan.seen.
const (
	keyTier = iota
	keyPriority
	keyOpened
	keyZone
	keyLanguage
	keyAccount
	keyCountry
	keyAttrs
	keyNow
	caseKeyCount
)

// requiredKeys are the bits of tier, priority and opened.
const requiredKeys = 1<<keyTier | 1<<keyPriority | 1<<keyOpened

// maxFastDepth is the nesting of attrs the fast path reads; deeper
// attributes are left to the positioned path.
const maxFastDepth = 64

// caseWords are the string values a case often holds, returned by the
// scanner without an allocation: the priorities and the IANA zones of
// Rails' table (the zones helpdesks name), UTC among them.
var caseWords = newWordTable([]string{"P1", "P2", "P3", "P4", "p1", "p2", "p3", "p4", "UTC", "Etc/UTC"}, railsZoneNames())

// railsZoneNames are the IANA zones of railsZones.
func railsZoneNames() []string {
	names := make([]string, len(railsZones))
	for i, z := range railsZones {
		names[i] = z[1]
	}
	return names
}

// caseScan reads a JSON case document straight into a rules.Case, with
// jsonScan's pieces: no yaml.v3 nodes, no positions. Each of its methods
// returns false on anything the positioned path might read otherwise or
// refuse, and ParseCase then reads the document by that path, which says
// why.
type caseScan struct {
	jsonScan
	seen  uint16               // bit k: the key k was read
	text  [caseKeyCount]string // the string value of each scalar key
	attrs map[string]any
}

// ParseJSONCase reads src as ParseCase does when src is a JSON case
// document that a lean reader is sure of: one JSON object with only the
// case's keys, each once, string values (attrs aside) that ParseCase
// accepts. It returns false for every other document, without an error:
// ParseCase then reads it and says what is wrong. A document it reads is
// valid JSON (json.Valid), so a service that takes only JSON may skip its
// own check when it returns true. It is safe for concurrent use.
func ParseJSONCase(src []byte) (rules.Case, bool) { return parseCaseFast(src) }

// parseCaseFast reads src, a JSON case document, as ParseCase reads it, or
// returns false: for YAML, a syntax error, an unknown or repeated key, a
// value of another JSON type than a string (attrs aside), a number in
// attrs other than an integer of at most 18 digits, and every value
// ParseCase refuses.
func parseCaseFast(src []byte) (rules.Case, bool) {
	s := caseScan{jsonScan: jsonScan{b: src, intern: caseWords}}
	if s.ws() != '{' || !s.members() || s.ws() != 0 || s.seen&requiredKeys != requiredKeys {
		return rules.Case{}, false
	}
	return s.build()
}

// members reads the case's object, whose brace is next.
func (s *caseScan) members() bool {
	s.i++
	if s.ws() == '}' {
		s.i++
		return true
	}
	for {
		k, ok := s.key()
		if !ok || !s.expect(':', "after object key") || s.seen&(1<<k) != 0 {
			return false
		}
		s.seen |= 1 << k
		if k == keyAttrs {
			if s.ws() != '{' {
				return false
			}
			if s.attrs, ok = s.object(0); !ok {
				return false
			}
		} else if v, ok := s.value(); !ok || v.kind != '"' {
			return false
		} else {
			s.text[k] = v.text
		}
		if more, ok := s.after('}'); !more {
			return ok
		}
	}
}

// after reads what follows a member or an element: a comma (more), the
// closing byte (done) or anything else (not ok).
func (s *caseScan) after(closing byte) (more, ok bool) {
	switch s.ws() {
	case ',':
		s.i++
		return true, true
	case closing:
		s.i++
		return false, true
	}
	return false, false
}

// key reads a key of the case and returns its bit, or false for a key
// that is not one of CaseKeys. A key without escapes is matched on its
// bytes, without building a string.
func (s *caseScan) key() (int, bool) {
	const what = "looking for beginning of object key string"
	start, escaped, ok := s.strEnd(what)
	if !ok {
		return 0, false
	}
	if !escaped {
		return caseKey(string(s.b[start+1 : s.i-1]))
	}
	s.i = start
	name, ok := s.str(what)
	if !ok {
		return 0, false
	}
	return caseKey(name)
}

// caseKey returns the bit of a key of CaseKeys.
func caseKey(name string) (int, bool) {
	switch name {
	case "tier":
		return keyTier, true
	case "priority":
		return keyPriority, true
	case "opened":
		return keyOpened, true
	case "zone":
		return keyZone, true
	case "language":
		return keyLanguage, true
	case "account":
		return keyAccount, true
	case "country":
		return keyCountry, true
	case "attrs":
		return keyAttrs, true
	case "now":
		return keyNow, true
	}
	return 0, false
}

// build makes the case of the values read, as DecodeCase does: the zone
// first, the instants in it.
func (s *caseScan) build() (rules.Case, bool) {
	var c rules.Case
	var loc *time.Location
	strs := [...]struct {
		key int
		to  *string
	}{{keyZone, &c.Zone}, {keyTier, &c.Tier}, {keyLanguage, &c.Language}, {keyAccount, &c.Account}, {keyCountry, &c.Country}}
	for _, f := range strs {
		if s.seen&(1<<f.key) == 0 {
			continue
		}
		if strings.TrimSpace(s.text[f.key]) == "" {
			return rules.Case{}, false
		}
		*f.to = s.text[f.key]
	}
	if c.Zone != "" {
		var err error
		if loc, err = slo.LoadZone(c.Zone); err != nil {
			return rules.Case{}, false
		}
	}
	p, err := slo.ParsePriority(s.text[keyPriority])
	if err != nil || strings.TrimSpace(s.text[keyPriority]) == "" {
		return rules.Case{}, false
	}
	c.Priority = p
	if c.Opened, err = s.instant(keyOpened, loc); err != nil {
		return rules.Case{}, false
	}
	if s.seen&(1<<keyNow) != 0 {
		now, err := s.instant(keyNow, loc)
		if err != nil {
			return rules.Case{}, false
		}
		c.Now = &now
	}
	c.Attrs = s.attrs
	return c, true
}

// instant reads the instant of the key k with ParseTime in loc.
func (s *caseScan) instant(k int, loc *time.Location) (time.Time, error) {
	text := s.text[k]
	if strings.TrimSpace(text) == "" {
		return time.Time{}, ErrInvalidTime
	}
	return ParseTime(text, loc)
}

// object reads an object of attributes, whose brace is next, at depth.
func (s *caseScan) object(depth int) (map[string]any, bool) {
	if depth >= maxFastDepth {
		return nil, false
	}
	s.i++
	m := map[string]any{}
	if s.ws() == '}' {
		s.i++
		return m, true
	}
	for {
		k, ok := s.str("looking for beginning of object key string")
		if !ok || !s.expect(':', "after object key") {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		if m[k], ok = s.attr(depth + 1); !ok {
			return nil, false
		}
		if more, ok := s.after('}'); !more {
			return m, ok
		}
	}
}

// array reads an array of attributes, whose bracket is next, at depth.
func (s *caseScan) array(depth int) ([]any, bool) {
	if depth >= maxFastDepth {
		return nil, false
	}
	s.i++
	list := []any{}
	if s.ws() == ']' {
		s.i++
		return list, true
	}
	for {
		v, ok := s.attr(depth + 1)
		if !ok {
			return nil, false
		}
		list = append(list, v)
		if more, ok := s.after(']'); !more {
			return list, ok
		}
	}
}

// attr reads one attribute's value as the positioned path types it: a
// string, a bool, nil for null, an int, a map or a list.
func (s *caseScan) attr(depth int) (any, bool) {
	switch c := s.ws(); c {
	case '{':
		return s.object(depth)
	case '[':
		return s.array(depth)
	}
	v, ok := s.value()
	if !ok {
		return nil, false
	}
	switch v.kind {
	case '"':
		return v.text, true
	case 't', 'f':
		return v.kind == 't', true
	case 'n':
		return nil, true
	}
	return smallInt(v.text)
}

// smallInt reads a JSON number of at most 18 digits without a fraction or
// an exponent, which YAML reads as an int; any other number is left to the
// positioned path.
func smallInt(text string) (any, bool) {
	digits := strings.TrimPrefix(text, "-")
	if len(digits) == 0 || len(digits) > 18 || strings.Trim(digits, "0123456789") != "" {
		return nil, false
	}
	n, err := strconv.Atoi(text)
	return n, err == nil
}
