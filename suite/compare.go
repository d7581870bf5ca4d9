package suite

import (
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The compare question: which response targets change from one tier to
// another, and, with a scope, how do the deadlines an account sees move?
//
//	compare: {from: looker-premier, to: standard}
//	expect: {changes: {P1: degraded, P2: unchanged}}
//
//	compare: {from: looker-premier, to: enhanced, scope: {zone: America/New_York, from: 2026-03-02, to: 2026-03-30}}
//	expect: {changes: {P3: {kind: unchanged, effect: {kind: degraded, min: 0, max: 64h}}}}

// tierPair is the input of compare; scope is nil for the nominal
// comparison.
type tierPair struct {
	from, to string
	scope    *rules.Scope
}

var scopeKeys = []string{"zone", "country", "from", "to"}

func readCompare(p *parser, _ field, fields []field, _ *time.Time) (tierPair, bool) {
	var in tierPair
	ok := true
	for _, x := range fields {
		if x.Key == "scope" {
			sc, good := p.scope(x)
			in.scope, ok = &sc, ok && good
			continue
		}
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

// scope reads {zone, country, from, to}; instants are in the zone.
func (p *parser) scope(f field) (rules.Scope, bool) {
	fields, ok := p.question(f, scopeKeys, "from", "to")
	var s rules.Scope
	zone, loc, good := p.zoneOf(fields)
	if !good {
		return s, false
	}
	s.Zone = zone
	for _, x := range fields {
		good := true
		switch x.Key {
		case "country":
			s.Country, good = p.d.Str(x)
		case "from":
			s.From, good = p.instant(x, loc)
		case "to":
			s.To, good = p.instant(x, loc)
		}
		ok = ok && good
	}
	return s, ok
}

func compare(e *rules.Engine, in tierPair) ([]slo.Change, error) {
	if in.scope != nil {
		return e.CompareIn(in.from, in.to, *in.scope)
	}
	return e.Compare(in.from, in.to)
}

var compareRows = []expectation[[]slo.Change]{
	expect("changes", (*parser).changes, func(c []slo.Change) []slo.Change { return c }, checks.changes),
}

var (
	changeKeys = []string{"priority", "from", "to", "kind", "effect"}
	effectKeys = []string{"kind", "min", "max"}
)

// changeWant is the expected change of one priority; nil fields are not
// checked.
type changeWant struct {
	p        slo.Priority
	kind     *slo.ChangeKind
	from, to *slo.Target
	effect   *effectWant
}

// effectWant is the expected effect of a change; nil fields are not
// checked.
type effectWant struct {
	kind     *slo.ChangeKind
	min, max *time.Duration
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
				ok = p.changeDetail(d.Mapping(x.Value, x.Path, changeKeys[1:]), &w) && ok
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
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must map priorities to changes ({P1: degraded}) or list changes ([{priority: P1, from: 1h 24x7, to: 4h business, kind: degraded, effect: {kind: mixed, min: -1h, max: 64h}}])")
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
		p.d.Fail(x.Value, x.Path, err, "unknown change %q (want improved, degraded, unchanged, added, removed or mixed)", s)
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
		case "effect":
			e, g := p.effect(x)
			w.effect, good = &e, good && g
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

// effect reads {kind, min, max}: the kind of an effect and its extremes,
// signed ("-48h", "0", "+64h" or "64h").
func (p *parser) effect(f field) (effectWant, bool) {
	var w effectWant
	fields, ok := p.question(f, effectKeys)
	for _, x := range fields {
		good := true
		switch x.Key {
		case "kind":
			w.kind, good = p.changeKind(x)
		case "min", "max":
			d, g := p.signedDuration(x)
			good = g
			if x.Key == "min" {
				w.min = &d
			} else {
				w.max = &d
			}
		}
		ok = ok && good
	}
	return w, ok
}

// effect compares an expected effect with the engine's, named field.kind,
// field.min and field.max.
func (c checks) effect(field string, w effectWant, got *slo.Effect) checks {
	if got == nil {
		return c.eq(field, "an effect", "none: give the question a scope")
	}
	if w.kind != nil {
		c = c.eq(field+".kind", w.kind.String(), got.Kind.String())
	}
	if w.min != nil {
		c = sameSigned(c, field+".min", *w.min, got.Min)
	}
	if w.max != nil {
		c = sameSigned(c, field+".max", *w.max, got.Max)
	}
	return c
}

// changes compares expected changes with the engine's, each named
// field.P1, field.P2, ...
func (c checks) changes(field string, cw changesWant, got []slo.Change) checks {
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
		i := slices.IndexFunc(got, func(g slo.Change) bool { return g.Priority == w.p })
		if i < 0 {
			c = c.eq(name, "a change", "none: neither tier has a target for "+w.p.String())
			continue
		}
		g := got[i]
		if w.kind != nil {
			c = c.eq(name, w.kind.String(), g.Kind.String())
		}
		if w.from != nil {
			c = c.target(name+".from", *w.from, g.From)
		}
		if w.to != nil {
			c = c.target(name+".to", *w.to, g.To)
		}
		if w.effect != nil {
			c = c.effect(name+".effect", *w.effect, g.Effect)
		}
	}
	return c
}
