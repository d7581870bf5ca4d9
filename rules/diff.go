package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// DiffOptions are the options of [Diff]. The zero value compares the
// catalogs as written, without effects.
type DiffOptions struct {
	// Scope, when not nil, is the account and window over which Diff
	// computes, for every target that changed (its time, its calendar or
	// the calendar's hours, holidays, closed dates or zone), the effect on
	// due instants: the old engine's clock against the new one's, exactly
	// as CompareIn computes it. Its window must not be empty.
	Scope *Scope
}

// FieldChange is one field of a compiled catalog part whose value differs
// between the two catalogs. Values are written as the catalog writes them
// (targets "4h business", amounts "100.00 USD", CEL conditions as text);
// "" is a field the catalog does not set.
type FieldChange struct {
	Path string `json:"path"` // the field, relative to its part: "languages", "bands[1].rate", "when"
	Old  string `json:"old"`
	New  string `json:"new"`
}

// The statuses of a changed part of a catalog.
const (
	StatusAdded   = "added"   // the part is only in the new catalog
	StatusRemoved = "removed" // the part is only in the old catalog
	StatusChanged = "changed" // the part is in both and some answer can differ
)

// PartDiff is a calendar, migration or permission that differs between the
// two catalogs: its id, its status and, for a changed part, the fields that
// differ. A migration that moved in the order in which migrations are tried
// is changed with the field "order".
type PartDiff struct {
	ID     string        `json:"id"`
	Status string        `json:"status"`
	Fields []FieldChange `json:"fields,omitempty"`
}

// DiffReport is what changed between two compiled catalogs, surface by
// surface (see [Diff]). Every list holds only what differs; Changed is
// false exactly when the catalogs answer every question alike, and then
// only Cosmetic may be set. A DiffReport marshals to JSON as is.
type DiffReport struct {
	// Changed reports whether something changed that can change an answer.
	Changed bool `json:"changed"`
	// Tiers are the tiers added, removed or changed, in the new catalog's
	// order, then the removed ones in the old catalog's order.
	Tiers []TierDiff `json:"tiers,omitempty"`
	// Calendars are the calendars added, removed or changed.
	Calendars []PartDiff `json:"calendars,omitempty"`
	// Rules are the rules added, removed, changed or reordered.
	Rules []RuleDiff `json:"rules,omitempty"`
	// Migrations are the migrations added, removed, changed or reordered.
	Migrations []PartDiff `json:"migrations,omitempty"`
	// Lifecycle are the fields of the lifecycle section that differ.
	Lifecycle []FieldChange `json:"lifecycle,omitempty"`
	// Permissions are the actions added, removed or whose allow changed.
	Permissions []PartDiff `json:"permissions,omitempty"`
	// Billing are the fields of the billing section that differ.
	Billing []FieldChange `json:"billing,omitempty"`
	// Cosmetic are changes that change no answer: names, descriptions,
	// sources, the wording of priorities, and the order in which tiers are
	// listed. Each Path is absolute ("tiers.standard.name").
	Cosmetic []FieldChange `json:"cosmetic,omitempty"`
}

// Diff reports what changed from the catalog old to the catalog new, on
// every surface on which an answer can differ: tiers (aliases, family,
// legacy, features), every metric's target for every priority (with its
// effect on due instants when opts.Scope is set), rules, prices (every
// version, with the exact fee difference as a function of the spend),
// calendars, migrations, the lifecycle section, permissions and billing.
// Changes to names, descriptions and sources are listed as cosmetic and do
// not count, unless a CEL expression of either catalog reads a name.
//
// Diff compares the compiled engines, not their YAML: key order, comments
// and YAML style cannot show. Errors: ErrInvalidScope for an empty window;
// an effect that cannot be computed (a calendar needs the account's zone or
// country and the scope gives none) is reported on its target, not as an
// error. Diff is safe for concurrent use.
func Diff(old, new *Engine, opts DiffOptions) (DiffReport, error) {
	if old == nil || new == nil {
		return DiffReport{}, fmt.Errorf("%w: Diff needs two engines", ErrInvalidCatalog)
	}
	d := differ{old: old, new: new, metrics: metricNames(old, new)}
	if s := opts.Scope; s != nil {
		if !s.To.After(s.From) {
			return DiffReport{}, fmt.Errorf("%w: the window from %s to %s is empty", ErrInvalidScope,
				s.From.Format(time.RFC3339), s.To.Format(time.RFC3339))
		}
		if err := d.setScope(s); err != nil {
			return DiffReport{}, err
		}
	}
	r := &d.report
	d.tiers()
	r.Calendars = diffParts(old.calendars.ids, new.calendars.ids, func(e *Engine, id string) form { return e.calendarForm(id) }, old, new)
	d.rules()
	d.migrations()
	r.Lifecycle = diffForms("", lifecycleForm(old.lifecycle), lifecycleForm(new.lifecycle))
	d.permissions()
	r.Billing = diffForms("", form{{"priceVersion", old.versionPolicy.String()}}, form{{"priceVersion", new.versionPolicy.String()}})
	d.cosmetic("priorities.", prioritiesForm(old), prioritiesForm(new))
	r.Changed = len(r.Tiers)+len(r.Calendars)+len(r.Rules)+len(r.Migrations)+len(r.Lifecycle)+len(r.Permissions)+len(r.Billing) > 0
	return d.report, nil
}

// differ holds what Diff compares and the report it builds.
type differ struct {
	old, new *Engine
	metrics  []string // the metrics of either catalog, by name
	scope    *Scope
	zone     *time.Location // the scope's zone; nil for none
	start    time.Time      // the scope's window in its zone
	end      time.Time
	memo     effectMemo
	report   DiffReport
}

// setScope checks the scope's zone and places its window in it.
func (d *differ) setScope(s *Scope) error {
	zone, err := accountZone(s.Zone)
	if err != nil {
		return err
	}
	loc := shownIn(zone, nil)
	d.scope, d.zone, d.start, d.end = s, zone, s.From.In(loc), s.To.In(loc)
	return nil
}

// diffParts compares the parts of two catalogs listed by id (the new
// catalog's order, then the parts only the old one has), each by its form.
func diffParts(oldIDs, newIDs []string, formOf func(*Engine, string) form, old, new *Engine) []PartDiff {
	var out []PartDiff
	oldAt, newAt := indexOf(oldIDs), indexOf(newIDs)
	for _, id := range newIDs {
		if _, ok := oldAt[id]; !ok {
			out = append(out, PartDiff{ID: id, Status: StatusAdded})
			continue
		}
		if f := diffForms("", formOf(old, id), formOf(new, id)); len(f) > 0 {
			out = append(out, PartDiff{ID: id, Status: StatusChanged, Fields: f})
		}
	}
	for _, id := range oldIDs {
		if _, ok := newAt[id]; !ok {
			out = append(out, PartDiff{ID: id, Status: StatusRemoved})
		}
	}
	return out
}

// migrations compares the migrations by id and their order: the first
// that applies decides, so a migration tried in another place relative to
// the others is changed ("order").
func (d *differ) migrations() {
	ids := func(e *Engine) []string {
		out := make([]string, len(e.migrations))
		for i, m := range e.migrations {
			out[i] = m.id
		}
		return out
	}
	oldIDs, newIDs := ids(d.old), ids(d.new)
	oldAt, newAt := indexOf(oldIDs), indexOf(newIDs)
	formOf := func(e *Engine, id string) form {
		if e == d.old {
			return migrationForm(e.migrations[oldAt[id]])
		}
		return migrationForm(e.migrations[newAt[id]])
	}
	out := diffParts(oldIDs, newIDs, formOf, d.old, d.new)
	for j, id := range newIDs {
		if i, ok := oldAt[id]; ok {
			a, b := d.old.migrations[i].description, d.new.migrations[j].description
			d.cosmetic("migrations."+id+".", form{{"description", a}}, form{{"description", b}})
		}
	}
	for _, id := range movedIDs(oldIDs, newIDs) {
		i := slices.IndexFunc(out, func(p PartDiff) bool { return p.ID == id })
		ch := FieldChange{Path: "order", Old: fmt.Sprint(oldAt[id] + 1), New: fmt.Sprint(newAt[id] + 1)}
		if i < 0 {
			out = append(out, PartDiff{ID: id, Status: StatusChanged, Fields: []FieldChange{ch}})
		} else {
			out[i].Fields = append(out[i].Fields, ch)
		}
	}
	d.report.Migrations = out
}

// permissions compares the actions' allow conditions.
func (d *differ) permissions() {
	formOf := func(e *Engine, id string) form { return form{{"allow", e.permissions[id].src}} }
	d.report.Permissions = diffParts(d.old.Actions(), d.new.Actions(), formOf, d.old, d.new)
	for _, id := range d.new.Actions() {
		if p := d.old.permissions[id]; p != nil && p.description != d.new.permissions[id].description {
			d.cosmetic("permissions."+id+".", form{{"description", p.description}}, form{{"description", d.new.permissions[id].description}})
		}
	}
}

// cosmetic lists the fields of two cosmetic forms that differ.
func (d *differ) cosmetic(prefix string, a, b form) {
	d.report.Cosmetic = append(d.report.Cosmetic, diffForms(prefix, a, b)...)
}

// movedIDs returns the ids both lists hold whose order relative to the
// others changed: those off a longest run of common ids that keeps its
// order (a longest increasing subsequence of new positions in old order).
func movedIDs(oldIDs, newIDs []string) []string {
	pos := make(map[string]int, len(newIDs))
	for i, id := range newIDs {
		pos[id] = i
	}
	var common []string
	var seq []int
	for _, id := range oldIDs {
		if p, ok := pos[id]; ok {
			common = append(common, id)
			seq = append(seq, p)
		}
	}
	keep := increasingRun(seq)
	var moved []string
	for i, id := range common {
		if !keep[i] {
			moved = append(moved, id)
		}
	}
	return moved
}

// increasingRun marks the elements of a longest strictly increasing
// subsequence of seq, in O(n log n).
func increasingRun(seq []int) []bool {
	tails := []int{} // tails[k]: index in seq of the smallest tail of a run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		k, _ := slices.BinarySearchFunc(tails, v, func(j, v int) int { return seq[j] - v })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// readsName reports whether some CEL expression of the engine may read a
// tier's name, which then is not cosmetic: any expression text holding
// "name".
func (e *Engine) readsName() bool {
	has := func(s string) bool { return strings.Contains(s, "name") }
	for _, r := range e.rules {
		if has(srcOf(r.when)) {
			return true
		}
	}
	for _, m := range e.migrations {
		if slices.ContainsFunc(m.src, has) || slices.ContainsFunc(m.grants, func(g grant) bool { return has(g.src[0]) || has(g.src[1]) }) {
			return true
		}
	}
	for _, p := range e.permissions {
		if has(p.src) {
			return true
		}
	}
	return slices.ContainsFunc(e.lifecycle.metrics[:], func(mr metricRules) bool { return slices.ContainsFunc(mr.src[:], has) })
}
