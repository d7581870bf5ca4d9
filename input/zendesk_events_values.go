package input

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// zvalue is a scalar of a Zendesk page read without building its text:
// raw is a string's bytes between its quotes (without escapes, its UTF-8
// not yet checked) or a number's text; a string with escapes is decoded
// as str decodes it, into text.
// Reading the values the reader keeps this way (instants, ids) made reading
// an export several times cheaper than a string for every value.
type zvalue struct {
	kind    byte // as jsonValue's
	raw     []byte
	text    string
	decoded bool // text holds the value, not raw
}

// zTables are what a ZendeskReader keeps across its pages to read each
// repeated value once: the text of each ticket id, and the strings of
// short values (authors, tags, field values, policies).
type zTables struct {
	tickets map[int64]int32 // into entries
	entries chunks[ticketEntry]
	words   map[string]string
	texts   map[string]any // short strings boxed, as text
	attrs   map[string]any // short strings boxed, as AttrValue reads them
	list    []any          // the elements of the list being read
	paths   map[pathBlock]string
}

// pathBlock names pathsPerBlock paths of elements of a list, from element
// block*pathsPerBlock on.
type pathBlock struct {
	list  string
	block int
}

// pathsPerBlock is how many paths of elements one string holds.
const pathsPerBlock = 256

// elemPath returns the path of element i of the list (audits[12]). The
// paths of a block of elements are written in one string, of which each is
// a part: hundreds of thousands of positions kept cost a few thousand
// allocations.
func (t *zTables) elemPath(list string, i int) string {
	k := pathBlock{list, i / pathsPerBlock}
	all, ok := t.paths[k]
	if !ok {
		var b []byte
		for j := range pathsPerBlock {
			b = strconv.AppendInt(append(append(b, list...), '['), int64(k.block*pathsPerBlock+j), 10)
			b = append(b, ']')
		}
		all = string(b)
		t.paths[k] = all
	}
	// Skip the paths before i: each is list, brackets and its index.
	first := k.block * pathsPerBlock
	off := (i-first)*(len(list)+2) + digitsBelow(i) - digitsBelow(first)
	return all[off : off+len(list)+2+digitsBelow(i+1)-digitsBelow(i)]
}

// digitsBelow returns how many digits the numbers from 0 to n-1 are
// written with.
func digitsBelow(n int) int {
	total := 0
	for lo, hi, d := 0, 10, 1; lo < n; lo, hi, d = hi, hi*10, d+1 {
		total += (min(n, hi) - lo) * d
	}
	return total
}

// Bounds of zTables.words, texts and attrs: longer strings and strings
// past the count are built each time they are read.
const (
	maxInternLen   = 64
	maxInternWords = 1 << 16
)

// boxed returns s as an attribute's value: as AttrValue reads it when
// attr is true, else as text. A short string is boxed once: the values of
// an export's fields repeat.
func (t *zTables) boxed(s string, attr bool) any {
	m := t.texts
	if attr {
		m = t.attrs
	}
	if v, ok := m[s]; ok {
		return v
	}
	var v any = s
	if attr && s != "" && (s[0] <= '9' || s == "true" || s == "false") { // else AttrValue reads text
		v = AttrValue(s)
	}
	if len(s) <= maxInternLen && len(m) < maxInternWords {
		m[s] = v
	}
	return v
}

// valueAt reads a value (a composite one is skipped) and returns it with
// its offset, with the errors value reports.
func (z *zscan) valueAt() (zvalue, int, bool) {
	off := z.next()
	switch c := z.ws(); {
	case c == '"':
		start, escaped, ok := z.strEnd("")
		if !ok {
			return zvalue{}, off, false
		}
		if !escaped { // its UTF-8 is checked when its text is built (string)
			return zvalue{kind: '"', raw: z.b[start+1 : z.i-1]}, off, true
		}
		z.i = start
		t, ok := z.str("")
		return zvalue{kind: '"', text: t, decoded: true}, off, ok
	case c == '-' || c >= '0' && c <= '9':
		ok := z.numberEnd()
		return zvalue{kind: '0', raw: z.b[off:z.i]}, off, ok
	}
	v, ok := z.value()
	return zvalue{kind: v.kind}, off, ok
}

// string returns v's text, read once for a word the export repeats.
func (v zvalue) string(z *zscan) string {
	if v.decoded || len(v.raw) == 0 {
		return v.text
	}
	if w, ok := z.intern.find(v.raw); ok {
		return w
	}
	if v.kind == '"' && !utf8.Valid(v.raw) { // as str reads it: each invalid byte is U+FFFD
		var out string
		_ = json.Unmarshal(append(append([]byte{'"'}, v.raw...), '"'), &out) // no escapes, no control characters: no error
		return out
	}
	if z.tab == nil || len(v.raw) > maxInternLen {
		return string(v.raw)
	}
	if w, ok := z.tab.words[string(v.raw)]; ok {
		return w
	}
	w := string(v.raw)
	if len(z.tab.words) < maxInternWords {
		z.tab.words[w] = w
	}
	return w
}

// json returns v as value returns it.
func (v zvalue) json(z *zscan) jsonValue { return jsonValue{kind: v.kind, text: v.string(z)} }

// scalar reports whether v is a string or a number.
func (v zvalue) scalar() bool { return v.kind == '"' || v.kind == '0' }

// textAt reads a value and returns its text: "" for another kind than a
// string or a number.
func (z *zscan) textAt() string {
	v, _, _ := z.valueAt()
	if !v.scalar() {
		return ""
	}
	return v.string(z)
}

// parsedValue is parsedAt for the value v read at off, the value of key in
// the object at parent. The path is written out only for an error: most
// values are read without one (parent and key apart, so that the parent's
// path stays where it is).
func parsedValue[T any](z *zscan, v zvalue, off int, parent *zpath, key string, parse func(string) (T, error)) (T, bool) {
	var zero T
	if !v.scalar() {
		z.failAt(off, parent.with(key), nil, "must be a string or a number, got %s", v.json(z).kindName())
		return zero, false
	}
	t, err := parse(v.string(z))
	if err != nil {
		z.failAt(off, parent.with(key), err, "%v", err)
		return zero, false
	}
	return t, true
}

// plainInt reads the text of a non-negative integer as Zendesk writes it
// (digits, no leading zero, below 10^18); ok is false for anything else,
// which ParseInt's readers then read.
func plainInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 || b[0] == '0' && len(b) > 1 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// idAt reads a non-negative integer (an id, minutes) the value of key at parent, as
// parsedAt(z, path, zendeskID) does.
func (z *zscan) idAt(parent *zpath, key string) (int64, bool) {
	v, off, ok := z.valueAt()
	if !ok {
		return 0, false
	}
	if n, plain := plainInt(v.raw); plain && !v.decoded {
		return n, true
	}
	return parsedValue(z, v, off, parent, key, zendeskID)
}

// instanceAt reads an instance's number at path, as parsedAt(z, path,
// instanceID) does.
func (z *zscan) instanceAt(parent *zpath, key string) (int64, bool) {
	v, off, ok := z.valueAt()
	if !ok {
		return 0, false
	}
	if n, plain := plainInt(v.raw); plain && !v.decoded && n >= 1 {
		return n, true
	}
	return parsedValue(z, v, off, parent, key, instanceID)
}

// ticketAt reads a ticket's id at path, as parsedAt(z, path, ticketID)
// does, with its number and its entry in z.tab.tickets: the text of each
// id is built once.
func (z *zscan) ticketAt(parent *zpath, key string) (int64, *ticketEntry, bool) {
	v, off, ok := z.valueAt()
	if !ok {
		return 0, nil, false
	}
	n, plain := plainInt(v.raw)
	if !plain || v.decoded {
		s, good := parsedValue(z, v, off, parent, key, ticketID)
		if !good {
			return 0, nil, false
		}
		n, _ = strconv.ParseInt(s, 10, 64) // s is an int64 written out
	}
	i, seen := z.tab.tickets[n]
	if !seen {
		i = int32(z.tab.entries.len())
		z.tab.tickets[n] = i
		z.tab.entries.add(ticketEntry{text: strconv.FormatInt(n, 10), last: -1})
	}
	return n, z.tab.entries.at(int(i)), true
}

// ticketEntry is what a reader keeps of each ticket it reads: its id's
// text, and the ticket's instances recorded (a list through
// recorder.prev, from the last one recorded).
type ticketEntry struct {
	text string
	last int32 // the index of the last instance in recorder.out; -1 for none
}

// wordAt reads one of words at path, as parsedAt(z, path, oneOf(what,
// words)) does.
func (z *zscan) wordAt(parent *zpath, key string, what string, words []string) (string, bool) {
	v, off, ok := z.valueAt()
	if !ok {
		return "", false
	}
	if w, known := z.intern.find(v.raw); known && v.kind == '"' && !v.decoded && slices.Contains(words, w) {
		return w, true
	}
	return parsedValue(z, v, off, parent, key, oneOf(what, words))
}

// timeAt reads an instant at path, as parsedAt(z, path, rfc3339) does.
func (z *zscan) timeAt(parent *zpath, key string) (time.Time, bool) {
	v, off, ok := z.valueAt()
	if !ok {
		return time.Time{}, false
	}
	if v.kind == '"' && !v.decoded {
		if t, fast := zendeskTime(v.raw); fast {
			return t, true
		}
	}
	return parsedValue(z, v, off, parent, key, rfc3339)
}

// zendeskTime reads an instant in the form Zendesk writes every one,
// 2026-03-02T10:00:00Z, in UTC and years 0001-9999, as rfc3339 reads it
// (the tests check that both agree); ok is false for any other text, which
// rfc3339 then reads.
func zendeskTime(b []byte) (time.Time, bool) {
	if len(b) != 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[19] != 'Z' {
		return time.Time{}, false
	}
	var f [6]int
	for i, at := range [6]int{0, 5, 8, 11, 14, 17} {
		n := 2
		if i == 0 {
			n = 4 // the year
		}
		for _, c := range b[at : at+n] {
			if c < '0' || c > '9' {
				return time.Time{}, false
			}
			f[i] = f[i]*10 + int(c-'0')
		}
	}
	y, mo, d, h, mi, s := f[0], f[1], f[2], f[3], f[4], f[5]
	if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) || h > 23 || mi > 59 || s > 59 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC), true
}

// daysIn returns the number of days of month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// chunks is a list kept in blocks of chunkLen elements, so that growing it
// never copies what it holds: a year's export holds hundreds of thousands
// of audits and instances. The zero value is empty.
type chunks[T any] struct {
	blocks [][]T
	n      int
}

// chunkLen is the length of a block of chunks.
const chunkLen = 1 << 12

// add appends v and returns a pointer to it, valid while the list lives.
func (c *chunks[T]) add(v T) *T {
	if c.n%chunkLen == 0 {
		c.blocks = append(c.blocks, make([]T, 0, chunkLen))
	}
	b := &c.blocks[len(c.blocks)-1]
	*b = append(*b, v)
	c.n++
	return &(*b)[len(*b)-1]
}

// at returns element i.
func (c *chunks[T]) at(i int) *T { return &c.blocks[i/chunkLen][i%chunkLen] }

// len returns how many elements the list holds.
func (c *chunks[T]) len() int { return c.n }

// all returns the elements in one slice, nil for none.
func (c *chunks[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	out := make([]T, 0, c.n)
	for _, b := range c.blocks {
		out = append(out, b...)
	}
	return out
}
