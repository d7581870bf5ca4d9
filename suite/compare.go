package suite

import (
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The compare question: which response targets change from one tier to
// another?
//
//	compare: {from: looker-premier, to: standard}
//	expect: {changes: {P1: degraded, P2: unchanged}}

// tierPair is the input of compare.
type tierPair struct{ from, to string }

func readCompare(p *parser, _ field, fields []field, _ *time.Time) (tierPair, bool) {
	var in tierPair
	ok := true
	for _, x := range fields {
		s, good := p.d.Str(x)
		ok = ok && good
		if x.Key == "from" {
			in.from = s
		} else {
			in.to = s
		}
	}
	return in, ok
}

func compare(e *rules.Engine, in tierPair) ([]slo.Change, error) { return e.Compare(in.from, in.to) }

var compareRows = []expectation[[]slo.Change]{
	expect("changes", (*parser).changes, func(c []slo.Change) []slo.Change { return c }, checks.changes),
}

var changeKeys = []string{"priority", "from", "to", "kind"}

// changeWant is the expected change of one priority; nil fields are not
// checked.
type changeWant struct {
	p        slo.Priority
	kind     *slo.ChangeKind
	from, to *slo.Target
}

// changesWant is what a test expects of a list of changes. exact lists
// every change in order (the list form); otherwise only the named
// priorities are checked (the mapping form).
type changesWant struct {
	exact bool
	items []changeWant
}

// changes reads {P1: degraded, P2: {from: ..., to: ...}} or a list of
// {priority, from, to, kind}.
func (p *parser) changes(f field) (changesWant, bool) {
	d := p.d
	var cw changesWant
	ok := true
	switch {
	case f.Value != nil && f.Value.Kind == yaml.MappingNode:
		for _, x := range d.Mapping(f.Value, f.Path, nil) {
			pr, err := slo.ParsePriority(x.Key)
			if err != nil {
				d.Fail(x.KeyNode, x.Path, err, "%v", err)
				ok = false
				continue
			}
			w := changeWant{p: pr}
			if x.Value != nil && x.Value.Kind == yaml.MappingNode {
				ok = p.changeDetail(d.Mapping(x.Value, x.Path, []string{"from", "to", "kind"}), &w) && ok
			} else {
				k, good := p.changeKind(x)
				w.kind, ok = k, ok && good
			}
			cw.items = append(cw.items, w)
		}
	case f.Value != nil && f.Value.Kind == yaml.SequenceNode:
		cw.exact = true
		for _, it := range d.List(f) {
			fields := d.Mapping(it.Node, it.Path, changeKeys)
			if it.Node == nil || it.Node.Kind != yaml.MappingNode || !d.Require(it.Node, it.Path, fields, "priority") {
				ok = false
				continue
			}
			w := changeWant{}
			ok = p.changeDetail(fields, &w) && ok
			cw.items = append(cw.items, w)
		}
	default:
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must map priorities to changes ({P1: degraded}) or list changes ([{priority: P1, from: 1h 24x7, to: 4h business, kind: degraded}])")
		return cw, false
	}
	return cw, ok
}

func (p *parser) changeKind(x field) (*slo.ChangeKind, bool) {
	s, good := p.d.Str(x)
	if !good {
		return nil, false
	}
	var k slo.ChangeKind
	if err := k.UnmarshalText([]byte(s)); err != nil {
		p.d.Fail(x.Value, x.Path, err, "unknown change %q (want improved, degraded, unchanged, added or removed)", s)
		return nil, false
	}
	return &k, true
}

// changeDetail reads the priority, kind, from and to of one change.
func (p *parser) changeDetail(fields []field, w *changeWant) bool {
	good := true
	for _, x := range fields {
		switch x.Key {
		case "priority":
			pr, g := p.priority(x)
			w.p, good = pr, good && g
		case "kind":
			k, g := p.changeKind(x)
			w.kind, good = k, good && g
		case "from", "to":
			t, g := p.target(x)
			good = good && g
			if x.Key == "from" {
				w.from = &t
			} else {
				w.to = &t
			}
		}
	}
	return good
}

// changes compares expected changes with the engine's, each named
// field.P1, field.P2, ...
func (c checks) changes(field string, cw changesWant, got []slo.Change) checks {
	byP := map[slo.Priority]slo.Change{}
	for _, g := range got {
		byP[g.Priority] = g
	}
	if cw.exact {
		want := make([]string, len(cw.items))
		have := make([]string, len(got))
		for i, w := range cw.items {
			want[i] = w.p.String()
		}
		for i, g := range got {
			have[i] = g.Priority.String()
		}
		c = c.list(field+".priorities", want, have)
	}
	for _, w := range cw.items {
		name := field + "." + w.p.String()
		g, found := byP[w.p]
		if !found {
			c = c.eq(name, "a change", "none: neither tier has a target for "+w.p.String())
			continue
		}
		if w.kind != nil {
			c = c.eq(name, w.kind.String(), g.Kind.String())
		}
		if w.from != nil {
			c = c.target(name+".from", *w.from, g.From)
		}
		if w.to != nil {
			c = c.target(name+".to", *w.to, g.To)
		}
	}
	return c
}
