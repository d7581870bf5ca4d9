package answer

import (
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Diff is the answer to "what changed between two catalogs"
// (rules.Diff): rules.DiffReport written by this package's convention,
// and the window the effects were measured over when there is one. Every
// list is empty, not null, when nothing changed on its surface.
type Diff struct {
	Changed     bool       `json:"changed"`
	Scope       *Scope     `json:"scope,omitempty"`
	Tiers       []DiffTier `json:"tiers"`
	Calendars   []DiffPart `json:"calendars"`
	Rules       []DiffRule `json:"rules"`
	Migrations  []DiffPart `json:"migrations"`
	Lifecycle   []Field    `json:"lifecycle"`
	Permissions []DiffPart `json:"permissions"`
	Billing     []Field    `json:"billing"`
	Cosmetic    []Field    `json:"cosmetic"`
}

// Field is a field that changed (rules.FieldChange): its path and its old
// and new values as the catalog writes them, null when unset. The values
// are text ({"text": "100.00 USD"}): a field may hold an amount, a
// duration, a list or a CEL condition.
type Field struct {
	Path string `json:"path"`
	Old  *Text  `json:"old"`
	New  *Text  `json:"new"`
}

// Text is a value as a catalog writes it.
type Text struct {
	Text string `json:"text"`
}

// DiffPart is a calendar, migration or permission that changed
// (rules.PartDiff).
type DiffPart struct {
	ID     string  `json:"id"`
	Status string  `json:"status"`
	Fields []Field `json:"fields"`
}

// DiffTier is a tier added, removed or changed (rules.TierDiff).
type DiffTier struct {
	Tier    string       `json:"tier"`
	Status  string       `json:"status"`
	Fields  []Field      `json:"fields"`
	Targets []DiffTarget `json:"targets"`
	Prices  []DiffPrice  `json:"prices"`
}

// DiffTarget is a target that changed (rules.TargetDiff): the old and new
// targets (null when a tier has none), the fields of their calendar that
// changed, and the effect over the window, or why it could not be
// computed.
type DiffTarget struct {
	Metric      string  `json:"metric"`
	Priority    string  `json:"priority"`
	Old         *Target `json:"old"`
	New         *Target `json:"new"`
	Kind        string  `json:"kind"`
	Calendar    []Field `json:"calendar"`
	Effect      *Effect `json:"effect,omitempty"`
	EffectError string  `json:"effectError,omitempty"`
}

// DiffPrice is a price version that changed (rules.PriceDiff), with the
// exact fee difference as a function of the spend.
type DiffPrice struct {
	Version   int                    `json:"version"`
	Effective string                 `json:"effective"`
	Status    string                 `json:"status"`
	Fields    []Field                `json:"fields"`
	Fees      *billing.FeeDifference `json:"fees,omitempty"`
	FeesError string                 `json:"feesError,omitempty"`
	Paid      string                 `json:"paid"`
}

// DiffRule is a rule that changed (rules.RuleDiff).
type DiffRule struct {
	ID         string   `json:"id"`
	Status     string   `json:"status"`
	Moved      bool     `json:"moved"`
	OldIndex   int      `json:"oldIndex"`
	NewIndex   int      `json:"newIndex"`
	Fields     []Field  `json:"fields"`
	Tiers      []string `json:"tiers"`
	Metrics    []string `json:"metrics"`
	Priorities []string `json:"priorities"`
}

// NewDiff returns the answer for r, measured over scope when it is not
// nil.
func NewDiff(r rules.DiffReport, scope *rules.Scope) Diff {
	out := Diff{
		Changed: r.Changed, Tiers: mapOf(r.Tiers, newDiffTier), Calendars: mapOf(r.Calendars, newDiffPart),
		Rules: mapOf(r.Rules, newDiffRule), Migrations: mapOf(r.Migrations, newDiffPart), Lifecycle: fields(r.Lifecycle),
		Permissions: mapOf(r.Permissions, newDiffPart), Billing: fields(r.Billing), Cosmetic: fields(r.Cosmetic),
	}
	if scope != nil {
		out.Scope = &Scope{Zone: scope.Zone, Country: scope.Country, From: At(scope.From), To: At(scope.To)}
	}
	return out
}

func newDiffTier(t rules.TierDiff) DiffTier {
	return DiffTier{Tier: t.Tier, Status: t.Status, Fields: fields(t.Fields), Targets: mapOf(t.Targets, newDiffTarget), Prices: mapOf(t.Prices, newDiffPrice)}
}

func newDiffTarget(g rules.TargetDiff) DiffTarget {
	return DiffTarget{Metric: g.Metric, Priority: g.Priority, Old: targetOf(g.Old), New: targetOf(g.New),
		Kind: g.Kind, Calendar: fields(g.Calendar), Effect: NewEffect(g.Effect), EffectError: g.EffectError}
}

func newDiffPrice(p rules.PriceDiff) DiffPrice {
	return DiffPrice{Version: p.Version, Effective: p.Effective, Status: p.Status, Fields: fields(p.Fields), Fees: p.Fees, FeesError: p.FeesError, Paid: p.Paid}
}

func newDiffPart(p rules.PartDiff) DiffPart {
	return DiffPart{ID: p.ID, Status: p.Status, Fields: fields(p.Fields)}
}

func newDiffRule(x rules.RuleDiff) DiffRule {
	return DiffRule{ID: x.ID, Status: x.Status, Moved: x.Moved, OldIndex: x.OldIndex, NewIndex: x.NewIndex, Fields: fields(x.Fields),
		Tiers: mapOf(x.Tiers, same), Metrics: mapOf(x.Metrics, same), Priorities: mapOf(x.Priorities, same)}
}

func same(s string) string { return s }

// fields returns changed fields as answers.
func fields(fs []rules.FieldChange) []Field {
	return mapOf(fs, func(f rules.FieldChange) Field { return Field{Path: f.Path, Old: textOf(f.Old), New: textOf(f.New)} })
}

func textOf(s string) *Text {
	if s == "" {
		return nil
	}
	return &Text{s}
}

// targetOf reads a target as rules.TargetDiff writes it; nil for none.
func targetOf(s string) *Target {
	t, err := slo.ParseTarget(s)
	if err != nil { // "": no target; rules writes every other one as ParseTarget reads it
		return nil
	}
	return NewTarget(t)
}

// mapOf returns f of each element of s, an empty slice for none.
func mapOf[T, U any](s []T, f func(T) U) []U {
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}
