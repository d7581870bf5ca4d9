package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

type checks struct{ ms []Mismatch }

func (c *checks) eq(field, want, got string) {
	if want != got {
		c.ms = append(c.ms, Mismatch{Field: field, Want: want, Got: got})
	}
}

func (c *checks) instant(field string, want, got time.Time) {
	if !want.Equal(got) {
		c.ms = append(c.ms, Mismatch{Field: field, Want: formatInstant(want), Got: formatLike(got, want)})
	}
}

func (c *checks) list(field string, want, got []string) {
	if !slices.Equal(want, got) {
		c.eq(field, "["+strings.Join(want, ", ")+"]", "["+strings.Join(got, ", ")+"]")
	}
}

// set compares lists ignoring order.
func (c *checks) set(field string, want, got []string) {
	w, g := slices.Clone(want), slices.Clone(got)
	slices.Sort(w)
	slices.Sort(g)
	c.list(field, w, g)
}

func formatInstant(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.Format(time.RFC3339Nano)
}

// formatLike formats got with the UTC offset of want, so the two read alike.
func formatLike(got, want time.Time) string {
	if got.IsZero() {
		return "none"
	}
	_, off := want.Zone()
	if off == 0 {
		return got.UTC().Format(time.RFC3339Nano)
	}
	return got.In(time.FixedZone("", off)).Format(time.RFC3339Nano)
}

func targetString(t slo.Target) string {
	if t.Within == 0 && t.Calendar == "" {
		return "none"
	}
	return t.String()
}

// Questions. Each returns the function that asks the question and compares
// the answer, or nil after reporting an error.

func (p *suiteParser) deadline(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, ok := p.kase(q, now, "tier", "priority", "opened")
	var due *time.Time
	var target *slo.Target
	var within *time.Duration
	var calendar, rule *string
	for _, w := range wants {
		switch w.Key {
		case "due":
			t, good := p.instant(w, nil)
			ok, due = ok && good, &t
		case "target":
			t, good := p.target(w)
			ok, target = ok && good, &t
		case "within":
			s, good := p.d.Str(w)
			var dur time.Duration
			if good {
				var err error
				if dur, err = slo.ParseDuration(s); err != nil {
					p.d.Fail(w.Value, w.Path, err, "%v", err)
					good = false
				}
			}
			ok, within = ok && good, &dur
		case "calendar":
			s, good := p.d.Str(w)
			ok, calendar = ok && good, &s
		case "rule":
			s, good := p.d.Str(w)
			ok, rule = ok && good, &s
		}
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Deadline(c)
		if err != nil {
			return nil, err
		}
		var ch checks
		if due != nil {
			ch.instant("due", *due, got.Due)
		}
		if target != nil {
			ch.eq("target", targetString(*target), targetString(got.Target))
		}
		if within != nil {
			ch.eq("within", slo.FormatDuration(*within), slo.FormatDuration(got.Target.Within))
		}
		if calendar != nil {
			ch.eq("calendar", *calendar, got.Target.Calendar)
		}
		if rule != nil {
			ch.eq("rule", *rule, got.Rule)
		}
		return ch.ms, nil
	}
}

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

func (p *suiteParser) changes(f field) (changesWant, bool) {
	d := p.d
	var cw changesWant
	ok := true
	kindOf := func(x field) (*slo.ChangeKind, bool) {
		s, good := d.Str(x)
		if !good {
			return nil, false
		}
		var k slo.ChangeKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			d.Fail(x.Value, x.Path, err, "unknown change %q (want improved, degraded, unchanged, added or removed)", s)
			return nil, false
		}
		return &k, true
	}
	detail := func(fields []field, w *changeWant) bool {
		good := true
		for _, x := range fields {
			switch x.Key {
			case "priority":
				pr, g := p.priority(x)
				w.p, good = pr, good && g
			case "kind":
				k, g := kindOf(x)
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
				ok = detail(d.Mapping(x.Value, x.Path, []string{"from", "to", "kind"}), &w) && ok
			} else {
				k, good := kindOf(x)
				w.kind, ok = k, ok && good
			}
			cw.items = append(cw.items, w)
		}
	case f.Value != nil && f.Value.Kind == yaml.SequenceNode:
		cw.exact = true
		for _, it := range d.List(f) {
			fields := d.Mapping(it.Node, it.Path, suiteChangeKeys)
			if it.Node == nil || it.Node.Kind != yaml.MappingNode || !d.Require(it.Node, it.Path, fields, "priority") {
				ok = false
				continue
			}
			w := changeWant{}
			ok = detail(fields, &w) && ok
			cw.items = append(cw.items, w)
		}
	default:
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must map priorities to changes ({P1: degraded}) or list changes ([{priority: P1, from: 1h 24x7, to: 4h business, kind: degraded}])")
		return cw, false
	}
	return cw, ok
}

func (cw changesWant) check(ch *checks, field string, got []slo.Change) {
	byP := map[slo.Priority]slo.Change{}
	for _, c := range got {
		byP[c.Priority] = c
	}
	if cw.exact {
		want := make([]string, len(cw.items))
		have := make([]string, len(got))
		for i, w := range cw.items {
			want[i] = w.p.String()
		}
		for i, c := range got {
			have[i] = c.Priority.String()
		}
		ch.list(field+".priorities", want, have)
	}
	for _, w := range cw.items {
		name := field + "." + w.p.String()
		c, found := byP[w.p]
		if !found {
			ch.eq(name, "a change", "none: neither tier has a target for "+w.p.String())
			continue
		}
		if w.kind != nil {
			ch.eq(name, w.kind.String(), c.Kind.String())
		}
		if w.from != nil {
			ch.eq(name+".from", targetString(*w.from), targetString(c.From))
		}
		if w.to != nil {
			ch.eq(name+".to", targetString(*w.to), targetString(c.To))
		}
	}
}

func (p *suiteParser) compare(q field, wants []field) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"from", "to"}, "from", "to")
	var from, to string
	for _, x := range fields {
		s, good := p.d.Str(x)
		ok = ok && good
		if x.Key == "from" {
			from = s
		} else {
			to = s
		}
	}
	var cw *changesWant
	for _, w := range wants {
		c, good := p.changes(w)
		ok, cw = ok && good, &c
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Compare(from, to)
		if err != nil {
			return nil, err
		}
		var ch checks
		if cw != nil {
			cw.check(&ch, "changes", got)
		}
		return ch.ms, nil
	}
}

// parsePeriod reads "2026-02" (a whole month) or "2026-02-10/2026-02-28"
// (days of one month, both inclusive), the forms entitlement.Period.String
// writes.

func (p *suiteParser) quote(q field, wants []field) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"tier", "spend", "period"}, "tier", "spend")
	var tierID string
	var spend entitlement.Money
	var period *entitlement.Period
	for _, x := range fields {
		good := true
		switch x.Key {
		case "tier":
			tierID, good = p.d.Str(x)
		case "spend":
			spend, good = p.money(x)
		case "period":
			s, g := p.d.Str(x)
			if good = g; g {
				pr, err := entitlement.ParsePeriod(s)
				if err != nil {
					p.d.Fail(x.Value, x.Path, err, "%v", err)
					good = false
				}
				period = &pr
			}
		}
		ok = ok && good
	}
	type moneyWant struct {
		name string
		m    entitlement.Money
	}
	var monies []moneyWant
	var tierWant *string
	var minApplied *bool
	var billed *int
	var lines []entitlement.Money
	hasLines := false
	for _, w := range wants {
		good := true
		switch w.Key {
		case "total", "monthly", "banded", "minimum":
			var m entitlement.Money
			m, good = p.money(w)
			monies = append(monies, moneyWant{w.Key, m})
		case "tier":
			good = into(&tierWant)(p.d.Str(w))
		case "minimumApplied":
			good = into(&minApplied)(p.boolean(w))
		case "billedDays":
			good = into(&billed)(p.integer(w))
		case "lines":
			hasLines = true
			for _, it := range p.d.List(w) {
				m, g := p.money(it.Field(w))
				good = good && g
				lines = append(lines, m)
			}
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		var got entitlement.Quote
		var err error
		if period != nil {
			got, err = e.QuotePeriod(tierID, spend, *period)
		} else {
			got, err = e.Quote(tierID, spend)
		}
		if err != nil {
			return nil, err
		}
		var ch checks
		if tierWant != nil {
			ch.eq("tier", *tierWant, got.Tier)
		}
		for _, m := range monies {
			var g entitlement.Money
			switch m.name {
			case "total":
				g = got.Total
			case "monthly":
				g = got.Monthly
			case "banded":
				g = got.Banded
			case "minimum":
				g = got.Minimum
			}
			if g != m.m {
				ch.eq(m.name, m.m.String(), g.String())
			}
		}
		if minApplied != nil {
			ch.eq("minimumApplied", fmt.Sprint(*minApplied), fmt.Sprint(got.MinimumApplied))
		}
		if billed != nil {
			ch.eq("billedDays", fmt.Sprint(*billed), fmt.Sprint(got.BilledDays))
		}
		if hasLines {
			want := make([]string, len(lines))
			for i, l := range lines {
				want[i] = l.String()
			}
			have := make([]string, len(got.Lines))
			for i, l := range got.Lines {
				have[i] = l.Amount.String()
			}
			ch.list("lines", want, have)
		}
		return ch.ms, nil
	}
}

// into returns a function that stores a parsed expectation in *dst, so that
// a parser's (value, ok) result reads as one assignment.
func into[T any](dst **T) func(T, bool) bool {
	return func(v T, ok bool) bool {
		*dst = &v
		return ok
	}
}

// eligibilityWant holds the expectations shared by eligibility and plan.
type eligibilityWant struct {
	eligible, required          *bool
	migration, recommended      *string
	effectiveAt, priceHeldUntil *time.Time
	targets, reasons            []string
	hasTargets                  bool
}

func (p *suiteParser) eligibilityWant(w field, ew *eligibilityWant) bool {
	good := true
	switch w.Key {
	case "eligible":
		good = into(&ew.eligible)(p.boolean(w))
	case "required":
		good = into(&ew.required)(p.boolean(w))
	case "migration":
		good = into(&ew.migration)(p.str(w))
	case "recommended":
		good = into(&ew.recommended)(p.str(w))
	case "effectiveAt", "priceHeldUntil":
		var t time.Time
		if s, g := p.d.Str(w); g && s == "none" {
			// zero: expected not set
		} else {
			t, good = p.instant(w, nil)
		}
		if w.Key == "effectiveAt" {
			ew.effectiveAt = &t
		} else {
			ew.priceHeldUntil = &t
		}
	case "targets":
		ew.targets, ew.hasTargets = p.strs(w), true
	case "reasons":
		ew.reasons = p.strs(w)
	}
	return good
}

func (ew *eligibilityWant) check(ch *checks, got entitlement.Eligibility) {
	if ew.eligible != nil {
		ch.eq("eligible", fmt.Sprint(*ew.eligible), fmt.Sprint(got.Eligible))
	}
	if ew.required != nil {
		ch.eq("required", fmt.Sprint(*ew.required), fmt.Sprint(got.Required))
	}
	if ew.migration != nil {
		ch.eq("migration", *ew.migration, got.Migration)
	}
	if ew.recommended != nil {
		ch.eq("recommended", *ew.recommended, got.Recommended)
	}
	if ew.effectiveAt != nil {
		ch.instant("effectiveAt", *ew.effectiveAt, got.EffectiveAt)
	}
	if ew.priceHeldUntil != nil {
		ch.instant("priceHeldUntil", *ew.priceHeldUntil, got.PriceHeldUntil)
	}
	if ew.hasTargets {
		ch.list("targets", ew.targets, got.Targets)
	}
	for _, r := range ew.reasons {
		found := false
		for _, g := range got.Reasons {
			if strings.Contains(g, r) {
				found = true
				break
			}
		}
		if !found {
			ch.eq("reasons", "a reason containing "+fmt.Sprintf("%q", r), strings.Join(got.Reasons, " | "))
		}
	}
}

func (p *suiteParser) eligibility(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, at, ok := p.contractAt(q, now, nil)
	var ew eligibilityWant
	for _, w := range wants {
		ok = p.eligibilityWant(w, &ew) && ok
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Eligibility(c, at)
		if err != nil {
			return nil, err
		}
		var ch checks
		ew.check(&ch, got)
		return ch.ms, nil
	}
}

type optionWant struct {
	tier                        string
	keeps, recommended          *bool
	total                       *entitlement.Money
	changes                     *changesWant
	effectiveAt, priceHeldUntil *time.Time
}

func (p *suiteParser) plan(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, at, ok := p.contractAt(q, now, nil)
	var ew eligibilityWant
	var options []optionWant
	for _, w := range wants {
		if w.Key != "options" {
			ok = p.eligibilityWant(w, &ew) && ok
			continue
		}
		if w.Value == nil || w.Value.Kind != yaml.MappingNode {
			p.d.Fail(yamlpos.OrNode(w.Value, w.KeyNode), w.Path, nil, "must map target tiers to what each option holds, e.g. {enhanced: {keepsTargets: true}}")
			ok = false
			continue
		}
		for _, o := range p.d.Mapping(w.Value, w.Path, nil) {
			ow := optionWant{tier: o.Key}
			if o.Value == nil || o.Value.Kind != yaml.MappingNode {
				p.d.Fail(yamlpos.OrNode(o.Value, o.KeyNode), o.Path, nil, "must be a mapping of %s", strings.Join(suiteOptionKeys, ", "))
				ok = false
				continue
			}
			for _, x := range p.d.Mapping(o.Value, o.Path, suiteOptionKeys) {
				good := true
				switch x.Key {
				case "keepsTargets":
					good = into(&ow.keeps)(p.boolean(x))
				case "recommended":
					good = into(&ow.recommended)(p.boolean(x))
				case "total":
					good = into(&ow.total)(p.money(x))
				case "changes":
					good = into(&ow.changes)(p.changes(x))
				case "effectiveAt":
					good = into(&ow.effectiveAt)(p.instant(x, nil))
				case "priceHeldUntil":
					good = into(&ow.priceHeldUntil)(p.instant(x, nil))
				}
				ok = ok && good
			}
			options = append(options, ow)
		}
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Plan(c, at)
		if err != nil {
			return nil, err
		}
		var ch checks
		ew.check(&ch, got.Eligibility)
		for _, ow := range options {
			var opt *Option
			for i := range got.Options {
				if got.Options[i].Tier == ow.tier {
					opt = &got.Options[i]
				}
			}
			name := "options." + ow.tier
			if opt == nil {
				ch.eq(name, "an option", "none")
				continue
			}
			if ow.keeps != nil {
				ch.eq(name+".keepsTargets", fmt.Sprint(*ow.keeps), fmt.Sprint(opt.KeepsTargets))
			}
			if ow.recommended != nil {
				ch.eq(name+".recommended", fmt.Sprint(*ow.recommended), fmt.Sprint(opt.Recommended))
			}
			if ow.total != nil {
				got := opt.Quote.Total.String()
				if opt.QuoteErr != nil {
					got = "error: " + opt.QuoteErr.Error()
				}
				ch.eq(name+".total", ow.total.String(), got)
			}
			if ow.changes != nil {
				ow.changes.check(&ch, name+".changes", opt.Changes)
			}
			if ow.effectiveAt != nil {
				ch.instant(name+".effectiveAt", *ow.effectiveAt, opt.EffectiveAt)
			}
			if ow.priceHeldUntil != nil {
				ch.instant(name+".priceHeldUntil", *ow.priceHeldUntil, opt.PriceHeldUntil)
			}
		}
		return ch.ms, nil
	}
}

func (p *suiteParser) entitlements(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	movedTo := ""
	c, at, ok := p.contractAt(q, now, &movedTo)
	var tierWant, migration *string
	var migrated *bool
	sets := map[string][]string{}
	for _, w := range wants {
		good := true
		switch w.Key {
		case "tier", "migration":
			var s string
			s, good = p.str(w)
			if w.Key == "tier" {
				tierWant = &s
			} else {
				migration = &s
			}
		case "migrated":
			var b bool
			b, good = p.boolean(w)
			migrated = &b
		case "languages", "channels", "services":
			sets[w.Key] = p.strs(w)
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		var got Entitlements
		var err error
		if movedTo != "" {
			got, err = e.MovedEntitlements(c, movedTo, at)
		} else {
			got, err = e.Entitlements(c, at)
		}
		if err != nil {
			return nil, err
		}
		var ch checks
		if tierWant != nil {
			ch.eq("tier", *tierWant, got.Tier)
		}
		if migration != nil {
			ch.eq("migration", *migration, got.Migration)
		}
		if migrated != nil {
			ch.eq("migrated", fmt.Sprint(*migrated), fmt.Sprint(got.Migrated))
		}
		for _, k := range []string{"languages", "channels", "services"} {
			want, set := sets[k]
			if !set {
				continue
			}
			var have []string
			switch k {
			case "languages":
				have = got.Features.Languages
			case "channels":
				have = got.Features.Channels
			case "services":
				have = got.Features.Services
			}
			ch.set(k, want, have)
		}
		return ch.ms, nil
	}
}

func (p *suiteParser) allowed(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"action", "principal", "case"}, "action")
	var action string
	var principal entitlement.Principal
	var c Case
	for _, x := range fields {
		good := true
		switch x.Key {
		case "action":
			action, good = p.d.Str(x)
		case "case":
			c, good = p.kase(x, now)
		case "principal":
			pf, g := p.question(x, []string{"id", "roles", "groups", "attrs"})
			good = g
			for _, y := range pf {
				switch y.Key {
				case "id":
					principal.ID, g = p.d.Str(y)
					good = good && g
				case "roles":
					principal.Roles = p.strs(y)
				case "groups":
					principal.Groups = p.strs(y)
				case "attrs":
					principal.Attrs = p.attrs(y)
					good = good && principal.Attrs != nil
				}
			}
		}
		ok = ok && good
	}
	if c.Now.IsZero() && now != nil {
		c.Now = *now
	}
	var allowed *bool
	var rule *string
	for _, w := range wants {
		good := true
		switch w.Key {
		case "allowed":
			var b bool
			b, good = p.boolean(w)
			allowed = &b
		case "rule":
			var s string
			s, good = p.str(w)
			rule = &s
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Allowed(action, principal, c)
		if err != nil {
			return nil, err
		}
		var ch checks
		if allowed != nil {
			ch.eq("allowed", fmt.Sprint(*allowed), fmt.Sprint(got.Allowed))
		}
		if rule != nil {
			ch.eq("rule", *rule, got.Rule)
		}
		return ch.ms, nil
	}
}
