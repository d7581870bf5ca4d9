package input

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf8"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// zscan reads one page of a Zendesk export, a JSON document, as a stream
// with the JSON scanner of the JSON-lines reader: no tree is built, and a
// position (line and column, counted in runes as yaml.v3 counts) is
// computed only where it is kept or an error is reported, moving forward
// through the page. A page of a year's tickets is read several times faster
// than as a yaml.Node tree.
type zscan struct {
	jsonLine
	name string
	// line and col are the line and column of offset lineOff.
	line, col, lineOff int
	tab                *zTables // shared by the pages of an export
}

// newZscan returns a reader of the page src, named name, reporting to
// errs, with tables of its own (set tab to share them).
func newZscan(name string, src []byte, errs rowErrors) *zscan {
	return &zscan{jsonLine: jsonLine{jsonScan: jsonScan{b: src, intern: zendeskWords}, errs: errs}, name: name, line: 1, col: 1, tab: newZTables()}
}

// newZTables returns empty tables.
func newZTables() *zTables {
	return &zTables{tickets: map[int64]int32{}, words: map[string]string{}, texts: map[string]any{}, attrs: map[string]any{}, paths: map[pathBlock]string{}}
}

// zendeskWords are the keys and names an export repeats on every record,
// read without an allocation.
var zendeskWords = func() *wordTable {
	numbers := make([]string, 100) // instances, targets, ids of schedules and policies
	for n := range numbers {
		numbers[n] = strconv.Itoa(n)
	}
	return newWordTable(ZendeskMetrics, ZendeskEventTypes, ticketPriorities, metricEventKeys, auditKeys, numbers,
		[]string{"ticket_metric_events", "audits", "id", "sla", "group_sla", "deleted", "status", "target", "business_hours", "policy", "title",
			"author_id", "events", "type", "field_name", "value", "previous_value", "public", "body", "html_body", "plain_body", "attachments", "via",
			"metadata", "Comment", "Create", "Change", "Notification", "new", "open", "pending", "hold", "solved", "closed", "tags", "requester_id",
			"group_id", "organization_id", "brand_id", "assignee_id", "incident", "problem", "question", "task", "next_page", "count", "end_time",
			"created_at", "instance_id", "metric", "time", "ticket_id"})
}()

// lineCol returns the line and column of offset off, counting on from
// the last offset asked (from the start when off is before it).
func (z *zscan) lineCol(off int) (int, int) {
	off = min(off, len(z.b))
	if off < z.lineOff {
		z.line, z.col, z.lineOff = 1, 1, 0
	}
	seg := z.b[z.lineOff:off]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 { // a vector count; a page is often one line
		z.line += n
		z.col, seg = 1, seg[bytes.LastIndexByte(seg, '\n')+1:]
	}
	z.col += runes(seg)
	z.lineOff = off
	return z.line, z.col
}

// runes counts the runes of b as utf8.DecodeRune reads them (an invalid
// byte is one), 32 or 8 ASCII bytes at a time.
func runes(b []byte) int {
	const highs = 0x8080808080808080
	le := binary.LittleEndian.Uint64
	n := 0
	for len(b) > 0 {
		switch {
		case len(b) >= 32 && (le(b)|le(b[8:])|le(b[16:])|le(b[24:]))&highs == 0:
			n, b = n+32, b[32:]
		case len(b) >= 8 && le(b)&highs == 0:
			n, b = n+8, b[8:]
		case b[0] < utf8.RuneSelf:
			n, b = n+1, b[1:]
		default:
			_, size := utf8.DecodeRune(b)
			n, b = n+1, b[size:]
		}
	}
	return n
}

// zpath is the path of a value, written out only for an error or a
// position kept: building a string for every value read made reading
// several times slower.
type zpath struct {
	base     string // a path written out
	idx      int    // then "[idx]" when indexed
	indexed  bool
	event    int    // then ".events[event]" when not negative
	key, sub string // then these keys when not ""
}

// pathOf returns the path s.
func pathOf(s string) zpath { return zpath{base: s, event: -1} }

// elemOf returns the path of element i of the list at s.
func elemOf(s string, i int) zpath { return zpath{base: s, idx: i, indexed: true, event: -1} }

// String writes the path out.
func (p zpath) String() string {
	if p.indexed && p.event < 0 && p.key == "" { // an element of a list: one allocation
		var buf [64]byte
		b := strconv.AppendInt(append(append(buf[:0], p.base...), '['), int64(p.idx), 10)
		return string(append(b, ']'))
	}
	s := p.base
	if p.indexed {
		s = yamlpos.Index(s, p.idx)
	}
	if p.event >= 0 {
		s = yamlpos.Index(yamlpos.Join(s, "events"), p.event)
	}
	for _, k := range [2]string{p.key, p.sub} {
		if k != "" {
			s = yamlpos.Join(s, k)
		}
	}
	return s
}

// with returns the path of key under p.
func (p zpath) with(key string) zpath {
	switch {
	case p.key == "":
		p.key = key
	case p.sub == "":
		p.sub = key
	default:
		return zpath{base: p.String(), event: -1, key: key}
	}
	return p
}

// pos returns the position of offset off, at path.
func (z *zscan) pos(off int, path zpath) yamlpos.Pos {
	line, col := z.lineCol(off)
	p := yamlpos.Pos{File: z.name, Line: line, Column: col, Kind: ErrInvalidZendeskEvents}
	if path.indexed && path.event < 0 && path.key == "" {
		p.Path = z.tab.elemPath(path.base, path.idx)
	} else {
		p.Path = path.String()
	}
	return p
}

// failAt reports an error at offset off about path, wrapping cause (nil
// for none).
func (z *zscan) failAt(off int, path zpath, cause error, format string, args ...any) {
	line, col := z.lineCol(off)
	z.errs.addErr(line, col, path.String(), cause, format, args...)
}

// next skips blanks and returns the offset of the next value.
func (z *zscan) next() int {
	z.ws()
	return z.i
}

// objectAt reads the object at the current offset, calling member with
// each key and the key's offset; member reads the value. A value of
// another kind is reported at path and skipped: false.
func (z *zscan) objectAt(path zpath, member func(key string, koff int)) bool {
	if !z.open('{', path) {
		return false
	}
	z.members(func(key string, kcol int) bool {
		member(key, kcol-1)
		return true
	})
	return z.err == ""
}

// open reads the brace or bracket c that opens an object or an array; a
// value of another kind is reported at path and skipped: false.
func (z *zscan) open(c byte, path zpath) bool {
	off := z.next()
	if z.ws() == c {
		z.i++
		return true
	}
	if v, ok := z.value(); ok {
		z.failAt(off, path, nil, "must be %s, got %s", jsonValue{kind: c}.kindName(), v.kindName())
	}
	return false
}

// arrayAt reads the array at the current offset, calling elem with each
// element's index; elem reads the element. A value of another kind is
// reported at path and skipped: false.
func (z *zscan) arrayAt(path zpath, elem func(i int)) bool {
	if !z.open('[', path) {
		return false
	}
	if z.ws() == ']' {
		z.i++
		return true
	}
	for i := 0; ; i++ {
		elem(i)
		if z.err != "" {
			return false
		}
		if z.ws() == ']' {
			z.i++
			return true
		}
		if !z.expect(',', "after array element") {
			return false
		}
	}
}

// scalarAt reads a value (a composite one is skipped) and returns it with
// its offset.
func (z *zscan) scalarAt() (jsonValue, int, bool) {
	off := z.next()
	v, ok := z.value()
	return v, off, ok
}

// boolAt reads true or false at path.
func (z *zscan) boolAt(path zpath) (bool, bool) {
	v, off, ok := z.scalarAt()
	if ok && v.kind != 't' && v.kind != 'f' {
		z.failAt(off, path, nil, "must be true or false, got %s", v.kindName())
		return false, false
	}
	return v.kind == 't', ok
}

// page reads the page's object, calling list with the key and path of its
// list of records ("ticket_metric_events" or "audits") to read it; other
// keys are skipped. A syntax error ends the page, reported where it is.
func (z *zscan) page(list func(key string)) {
	const want = `"ticket_metric_events" (GET /api/v2/incremental/ticket_metric_events) or "audits" (GET /api/v2/ticket_audits)`
	off := z.next()
	if c := z.ws(); c != '{' && c != 0 {
		if v, ok := z.value(); ok {
			z.failAt(off, zpath{event: -1}, nil, "must be an object with %s, got %s", want, v.kindName())
		}
	} else {
		found := false
		z.objectAt(zpath{event: -1}, func(key string, _ int) {
			if (key == "ticket_metric_events" || key == "audits") && !found {
				found = true
				list(key)
				return
			}
			z.value()
		})
		if z.err == "" && !found {
			z.failAt(off, zpath{event: -1}, nil, "not a Zendesk ticket export: want an object with %s", want)
		}
	}
	if z.err == "" && z.ws() != 0 {
		z.fail("invalid character %s after top-level value", quoteByte(&z.jsonScan))
	}
	if z.err != "" {
		msg := z.err
		switch {
		case z.at-1 >= len(z.b):
			msg = "unexpected end of JSON input"
		case z.at-1 == off:
			msg += ": not JSON; want an object with " + want
		}
		z.failAt(z.at-1, zpath{event: -1}, nil, "%s", msg)
	}
}
