package rules

import (
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// Diff compares canonical semantic forms: each compiled part of a catalog
// (a calendar, a tier's features, a rule, a migration, the lifecycle, a
// permission, the billing section, a price version) written as a list of
// fields, each a name and a value text. A form holds everything of the
// part that can change an answer and nothing cosmetic (descriptions, key
// order, YAML style); names, descriptions and sources are kept apart as
// cosmetic fields. Two parts answer alike when their forms are equal.

// kv is one field of a canonical form.
type kv struct{ key, val string }

// form is the canonical semantic form of one compiled part.
type form []kv

func (f *form) add(key, val string) { *f = append(*f, kv{key, val}) }

// list writes a list in its written order (order can matter: CEL sees it).
func list(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// srcOf returns an expression as written, or "" when it is absent.
func srcOf(x *expr) string {
	if x == nil {
		return ""
	}
	return x.src
}

// calendarForm is the canonical form of the calendar id: its zone, opening
// hours, holiday countries, whether cases give their own country, and closed
// dates. The built-in 24x7 has the form "always open".
func (e *Engine) calendarForm(id string) form {
	var f form
	cal, ok := e.calendars.byID[id]
	if !ok {
		return form{{"calendar", "unknown " + id}}
	}
	sp := cal.Spec()
	if sp.AlwaysOpen {
		return form{{"hours", "always open"}}
	}
	f.add("zone", sp.Zone)
	f.add("hours", weekText(sp.Week))
	f.add("holidays", list(sp.Holidays))
	if cc := e.calendars.byCountry[id]; cc != nil {
		f.add("holidays.account", map[bool]string{true: AccountCountryIfAny, false: AccountCountry}[cc.optional])
	} else {
		f.add("holidays.account", "")
	}
	closed := make([]string, len(sp.Closed))
	for i, d := range sp.Closed {
		closed[i] = d.String()
	}
	f.add("closed", list(closed))
	return f
}

// weekText writes a week's normalized hours, "mon 09:00-17:00; tue ...".
func weekText(w slo.Week) string {
	var b strings.Builder
	for day, spans := range w {
		if len(spans) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(dayNames[day][:3])
		for _, s := range spans {
			b.WriteString(" " + s.String())
		}
	}
	return b.String()
}

// tierForm is the canonical form of a tier's own settings (not its targets
// or prices, which Diff compares apart).
func tierForm(t *tier) form {
	return form{
		{"aliases", list(t.aliases)},
		{"family", t.family},
		{"legacy", strconv.FormatBool(t.legacy)},
		{"languages", list(t.features.Languages)},
		{"channels", list(t.features.Channels)},
		{"services", list(t.features.Services)},
	}
}

// tierCosmetic is the form of a tier's texts that change no answer unless
// a CEL expression reads them (see Engine.readsName).
func tierCosmetic(t *tier) form {
	return form{{"name", t.name}, {"description", t.description}, {"source", t.source}}
}

// ruleForm is the canonical form of a rule: its condition, what it decides
// and its output, the output's calendar by its own form.
func (e *Engine) ruleForm(r *rule) form {
	ps := make([]string, len(r.priorities))
	for i, p := range r.priorities {
		ps[i] = p.String()
	}
	f := form{
		{"when", srcOf(r.when)},
		{"metric", e.lifecycle.metrics[r.metric].name},
		{"tiers", list(r.tiers)},
		{"priorities", list(ps)},
		{"within", durationOrNone(r.within)},
		{"calendar", r.calendar},
	}
	if r.calendar != "" {
		for _, c := range e.calendarForm(r.calendar) {
			f.add("calendar."+c.key, c.val)
		}
	}
	return f
}

func durationOrNone(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return slo.FormatDuration(d)
}

// migrationForm is the canonical form of a migration.
func migrationForm(m *migration) form {
	f := form{
		{"applies", m.src[0]},
		{"effective", m.src[1]},
		{"holdPriceUntil", m.src[2]},
		{"to", list(m.toIDs)},
		{"keep.languages", list(m.keep.Languages)},
		{"keep.channels", list(m.keep.Channels)},
		{"keep.services", list(m.keep.Services)},
		{"grants", strconv.Itoa(len(m.grants))},
	}
	for i, g := range m.grants {
		p := "grants[" + strconv.Itoa(i) + "]."
		f.add(p+"from", g.src[0])
		f.add(p+"until", g.src[1])
		f.add(p+"languages", list(g.features.Languages))
		f.add(p+"channels", list(g.features.Channels))
		f.add(p+"services", list(g.features.Services))
	}
	return f
}

// lifecycleForm is the canonical form of the lifecycle section: the
// statuses, the tier change policy, and each metric's conditions (the CEL
// text, or "default") and settings.
func lifecycleForm(lc *lifecycle) form {
	names := make([]string, len(lc.metrics))
	for i := range lc.metrics {
		names[i] = lc.metrics[i].name
	}
	f := form{
		{"solved", list(lc.solved)},
		{"waiting", list(lc.waiting)},
		{"tierChange", map[bool]string{false: "fixed", true: "reevaluate"}[lc.reevaluate]},
		{"metrics", list(names)},
	}
	for m := range lc.metrics {
		mr := &lc.metrics[m]
		p := "metrics." + mr.name + "."
		for k := range numConds {
			v := "default"
			if mr.prg[k] != nil {
				v = mr.src[k]
			}
			f.add(p+condNames[k], v)
		}
		f.add(p+"priorityChange", map[bool]string{false: "retarget", true: "restart"}[mr.restart])
		f.add(p+"keepPauses", strconv.FormatBool(!mr.dropPauses))
		f.add(p+"reopen", map[bool]string{false: "new", true: "continue"}[mr.continues])
	}
	return f
}

// prioritiesForm is the catalog's wording of each priority, which Diff
// lists as cosmetic: it is printed beside a priority and decides nothing.
func prioritiesForm(e *Engine) form {
	var f form
	for p := slo.P1; p <= slo.P4; p++ {
		f.add(p.String(), e.priorities[p])
	}
	return f
}

// priceForm is the canonical form of one price version.
func priceForm(v *billing.PriceVersion) form {
	p := &v.Price
	f := form{
		{"effective", effectiveText(v)},
		{"currency", p.Currency},
		{"minimum", moneyOrNone(p.Minimum)},
		{"maximum", moneyOrNone(p.Maximum)},
		{"model", p.Model.String()},
		{"proration", p.Proration.String()},
		{"bands", strconv.Itoa(len(p.Bands))},
	}
	for i, b := range p.Bands {
		k := "bands[" + strconv.Itoa(i) + "]."
		up := moneyOrNone(b.UpTo)
		if b.Unbounded {
			up = "unbounded"
		}
		f.add(k+"upTo", up)
		f.add(k+"rate", b.Rate.String())
		f.add(k+"flat", moneyOrNone(b.Flat))
	}
	return f
}

// effectiveText writes a version's effective instant, "always" for a
// single price.
func effectiveText(v *billing.PriceVersion) string {
	if v.Effective.IsZero() {
		return "always"
	}
	return billing.FormatEffective(v.Effective)
}

func moneyOrNone(m money.Money) string {
	if m == (money.Money{}) {
		return ""
	}
	return m.String()
}

// diffForms returns the fields of two forms whose values differ, the
// field's name prefixed; a field only one form has differs from "".
func diffForms(prefix string, a, b form) []FieldChange {
	var out []FieldChange
	old := make(map[string]string, len(a))
	for _, x := range a {
		old[x.key] = x.val
	}
	seen := make(map[string]bool, len(b))
	for _, y := range b {
		seen[y.key] = true
		if o := old[y.key]; o != y.val {
			out = append(out, FieldChange{Path: prefix + y.key, Old: o, New: y.val})
		}
	}
	for _, x := range a {
		if !seen[x.key] && x.val != "" {
			out = append(out, FieldChange{Path: prefix + x.key, Old: x.val})
		}
	}
	return out
}
