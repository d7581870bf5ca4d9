package rules

import (
	"sync"
	"sync/atomic"

	"cel.dev/cel-go/cel"
	celast "cel.dev/cel-go/common/ast"
)

// A lifecycle condition that reads nothing but the event's type, status,
// by, priority, tier and reopened (the usual ones: "event.status ==
// 'pending'", "event.type == 'message' && event.by == 'agent'") has one
// result and one cost for each combination of those values, and a
// history, and a helpdesk's year of histories, repeat a handful of them.
// Such a condition keeps the results of its evaluations in a condMemo,
// and an evaluation of a combination already seen is a lookup: the same
// result, the same cost charged to the timeline's budget (cel-go's actual
// cost is a function of the values read). The tests compare timelines
// computed with and without it on thousands of random histories.

// memoField is one field of the event a memoized condition may read.
type memoField uint8

const (
	memoType memoField = 1 << iota
	memoStatus
	memoBy
	memoPriority
	memoTier
	memoReopened
)

// memoFields are the fields of celEvent, by their CEL names.
var memoFields = map[string]memoField{
	"type": memoType, "status": memoStatus, "by": memoBy, "priority": memoPriority, "tier": memoTier, "reopened": memoReopened,
}

// maxMemo bounds the combinations one condition keeps; the evaluations of
// others run as they would without a memo.
const maxMemo = 256

// memoKey is the values of the fields a condition reads; the others are
// zero.
type memoKey struct {
	typ, status, by, priority, tier string
	reopened                        bool
}

// memoResult is the result and cost of one evaluation.
type memoResult struct {
	holds bool
	cost  uint64
}

// condMemo is the memo of one condition. Its table is replaced, never
// changed, so that lookups from many goroutines take no lock.
type condMemo struct {
	fields memoField
	mu     sync.Mutex // held by writers
	table  atomic.Pointer[map[memoKey]memoResult]
}

// condMemo returns the memo of the condition src, compiled without error,
// or nil (see newCondMemo).
func (c *compiler) condMemo(src string) *condMemo {
	ast, iss := c.env.Parse(src)
	if iss.Err() != nil {
		return nil
	}
	return newCondMemo(ast)
}

// newCondMemo returns the memo of the condition ast, or nil when it reads
// anything but the event's fields of memoFields (another variable, the
// event's instant or attributes, the event as a whole) or holds a
// comprehension.
func newCondMemo(ast *cel.Ast) *condMemo {
	if ast == nil {
		return nil
	}
	var fields memoField
	if !eventFieldsOnly(ast.NativeRep().Expr(), &fields) {
		return nil
	}
	return &condMemo{fields: fields}
}

// eventFieldsOnly reports whether e reads no variable but fields of the
// event in memoFields, adding those it reads to fields.
func eventFieldsOnly(e celast.Expr, fields *memoField) bool {
	switch e.Kind() {
	case celast.LiteralKind:
		return true
	case celast.SelectKind:
		s := e.AsSelect()
		if op := s.Operand(); op.Kind() == celast.IdentKind && op.AsIdent() == "event" && !s.IsTestOnly() {
			f, ok := memoFields[s.FieldName()]
			*fields |= f
			return ok
		}
		return eventFieldsOnly(s.Operand(), fields)
	case celast.CallKind:
		c := e.AsCall()
		if c.IsMemberFunction() && !eventFieldsOnly(c.Target(), fields) {
			return false
		}
		for _, a := range c.Args() {
			if !eventFieldsOnly(a, fields) {
				return false
			}
		}
		return true
	case celast.ListKind:
		for _, x := range e.AsList().Elements() {
			if !eventFieldsOnly(x, fields) {
				return false
			}
		}
		return true
	case celast.MapKind:
		for _, x := range e.AsMap().Entries() {
			m := x.AsMapEntry()
			if !eventFieldsOnly(m.Key(), fields) || !eventFieldsOnly(m.Value(), fields) {
				return false
			}
		}
		return true
	}
	return false // an identifier, a comprehension, a message
}

// key returns the values of ev that m's condition reads.
func (m *condMemo) key(ev *celEvent) memoKey {
	read := func(f memoField, s string) string {
		if m.fields&f != 0 {
			return s
		}
		return ""
	}
	return memoKey{read(memoType, ev.Type), read(memoStatus, ev.Status), read(memoBy, ev.By), read(memoPriority, ev.Priority), read(memoTier, ev.Tier),
		m.fields&memoReopened != 0 && ev.Reopened}
}

// get returns the result kept for k.
func (m *condMemo) get(k memoKey) (memoResult, bool) {
	if t := m.table.Load(); t != nil {
		r, ok := (*t)[k]
		return r, ok
	}
	return memoResult{}, false
}

// put keeps the result of k, while the memo holds fewer than maxMemo.
func (m *condMemo) put(k memoKey, r memoResult) {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.table.Load()
	n := 0
	if old != nil {
		n = len(*old)
	}
	if n >= maxMemo {
		return
	}
	t := make(map[memoKey]memoResult, n+1)
	if old != nil {
		for k, v := range *old {
			t[k] = v
		}
	}
	t[k] = r
	m.table.Store(&t)
}

// evalCond evaluates condition k of mr, a catalog's, on the event being
// applied, through its memo when it has one; the cost is charged to the
// run's budget either way.
func (r *run) evalCond(mr *metricRules, k condition) (bool, error) {
	m := mr.memo[k]
	if m == nil {
		return r.eval(mr.prg[k], mr.what[k])
	}
	if r.spent > TimelineCostBudget-runtimeCostLimit {
		return false, r.overBudget(mr.what[k])
	}
	key := m.key(&r.ev)
	if res, ok := m.get(key); ok {
		r.spent += res.cost
		return res.holds, nil
	}
	r.vars.now = r.ev.At
	b, cost, err := evalBoolCost(r.ctx, mr.prg[k], &r.vars, mr.what[k])
	r.spent += cost
	if err == nil {
		m.put(key, memoResult{b, cost})
	}
	return b, err
}
