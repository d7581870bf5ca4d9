package input

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// zendeskAudit is one audit as read.
type zendeskAudit struct {
	ticket, author string
	tid            int64 // the ticket's id
	id             int64
	at             time.Time
	file           string // where it is written: file, line, col, and index in the list of audits
	line, col, idx int
	create         bool
	events         []auditChange
}

// pos returns where the audit is written.
func (a *zendeskAudit) pos(tab *zTables) yamlpos.Pos {
	return yamlpos.Pos{File: a.file, Line: a.line, Column: a.col, Path: tab.elemPath("audits", a.idx), Kind: ErrInvalidZendeskEvents}
}

// auditChange is one event of an audit, as kept: a field set or changed,
// or a comment.
type auditChange struct {
	comment, public bool
	author          string
	field           string
	status          string       // a status set
	priority        slo.Priority // a priority set; 0 when removed
	attr            any          // another field's value, when isAttr
	isAttr          bool
}

// auditEvent is one event of an audit as read.
type auditEvent struct {
	auditChange
	value jsonValue // the value set; its kind '[' for a list
	list  []any     // a list's strings and numbers, as text
	voff  int       // the value's offset
	path  zpath     // the value's path
}

// read reads the value of a field set or changed, reporting its errors:
// false when it is wrong.
func (ev *auditEvent) read(z *zscan) bool {
	v := ev.value
	switch ev.field {
	case "status":
		if v.kind != '"' || v.text == "" {
			z.failAt(ev.voff, ev.path, nil, "must be a status, a non-empty string, got %s", v.kindName())
			return false
		}
		ev.status = v.text
	case "priority":
		switch v.kind {
		case 'n':
		case '"':
			p, err := ticketPriority(v.text)
			if err != nil {
				z.failAt(ev.voff, ev.path, err, "%v", err)
				return false
			}
			ev.priority = p
		default:
			z.failAt(ev.voff, ev.path, nil, "must be urgent, high, normal, low or null, got %s", v.kindName())
			return false
		}
	case "requester_id":
		ev.author = v.text
	default:
		ev.attr, ev.isAttr = auditValue(z.tab, v, ev.list)
	}
	return true
}

// auditKeys are the keys every audit has.
var auditKeys = []string{"ticket_id", "created_at"}

// auditReader reads audits, keeping their events in slabs.
type auditReader struct {
	scratch []auditChange // the events of the audit being read
	slab    []auditChange // where the next audit's events are kept
}

// readAudit reads the audit at the current offset of z, element i of the
// list of audits.
func (ar *auditReader) readAudit(z *zscan, i int) (zendeskAudit, bool) {
	path := elemOf("audits", i)
	off := z.next()
	line, col := z.lineCol(off)
	a := zendeskAudit{file: z.name, line: line, col: col, idx: i}
	ok, seen := true, 0
	ar.scratch = ar.scratch[:0]
	isObject := z.objectAt(path, func(key string, _ int) {
		if i := slices.Index(auditKeys, key); i >= 0 {
			seen |= 1 << i
		}
		good := true
		switch key {
		case "ticket_id":
			var tk *ticketEntry
			if a.tid, tk, good = z.ticketAt(&path, key); good {
				a.ticket = tk.text
			}
		case "id":
			a.id, good = z.idAt(&path, key)
		case "author_id":
			a.author = z.textAt()
		case "created_at":
			a.at, good = z.timeAt(&path, key)
		case "events":
			good = z.arrayAt(path.with(key), func(j int) {
				ep := path
				ep.event = j
				good = ar.readAuditEvent(z, ep, &a) && good
			}) && good
		default:
			z.skipValue()
		}
		ok = good && ok
	})
	for i, k := range auditKeys {
		if isObject && seen&(1<<i) == 0 {
			z.failAt(off, path, nil, "missing required key %q", k)
			ok = false
		}
	}
	a.events = ar.keep()
	return a, isObject && ok
}

// keep moves the events read into the slab and returns them.
func (ar *auditReader) keep() []auditChange {
	n := len(ar.scratch)
	if n == 0 {
		return nil
	}
	if cap(ar.slab)-len(ar.slab) < n {
		ar.slab = make([]auditChange, 0, max(n, 1<<12))
	}
	start := len(ar.slab)
	ar.slab = append(ar.slab, ar.scratch...)
	return ar.slab[start:len(ar.slab):len(ar.slab)]
}

// readAuditEvent reads one event of an audit into a.
func (ar *auditReader) readAuditEvent(z *zscan, path zpath, a *zendeskAudit) bool {
	off := z.next()
	var ev auditEvent
	var typ string
	ok := true
	ok = z.objectAt(path, func(key string, _ int) {
		switch key {
		case "type":
			typ = z.textAt()
		case "field_name":
			ev.field = z.textAt()
		case "author_id":
			ev.author = z.textAt()
		case "value":
			ev.path, ev.voff = path.with(key), z.next()
			if z.ws() == '[' {
				ev.value.kind = '['
				list := z.tab.list[:0]
				z.arrayAt(ev.path, func(int) {
					if v, _, _ := z.valueAt(); v.scalar() {
						list = append(list, z.tab.boxed(v.string(z), false))
					}
				})
				ev.list, z.tab.list = append(ev.list, list...), list
				return
			}
			v, _, _ := z.valueAt()
			ev.value = v.json(z)
		case "public":
			var good bool
			ev.public, good = z.boolAt(path.with(key))
			ok = ok && good
		default:
			z.skipValue()
		}
	}) && ok
	switch typ {
	case "Create", "Change":
		if ev.field == "" {
			z.failAt(off, path, nil, "a %s event needs a field_name", typ)
			return false
		}
		a.create = a.create || typ == "Create"
		if !ev.read(z) {
			return false
		}
	case "Comment":
		ev.comment = true
		if ev.author == "" {
			ev.author = a.author
		}
	default:
		return ok
	}
	ar.scratch = append(ar.scratch, ev.auditChange)
	return ok
}
