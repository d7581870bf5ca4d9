package rules

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// A probe asks one engine one question and writes the answer as text:
// the result as JSON without its prose (reasons), or "error" (the class of
// an error is not an answer the soundness test compares; its text names
// tiers in catalog order, which is cosmetic).
type probe struct {
	surface string // the decision: deadline, timeline, price, eligibility, allowed
	ask     func(e *Engine) string
}

// explains are the report sections that can explain a different answer to
// each decision.
var explains = map[string][]string{
	"deadline":    {"tiers", "rules", "calendars"},
	"timeline":    {"tiers", "rules", "calendars", "lifecycle"},
	"price":       {"tiers", "billing", "migrations"},
	"eligibility": {"tiers", "migrations", "calendars", "rules", "billing"},
	"allowed":     {"tiers", "permissions"},
}

// sections returns the sections of r that hold a change.
func sections(r *DiffReport) map[string]bool {
	return map[string]bool{
		"tiers": len(r.Tiers) > 0, "rules": len(r.Rules) > 0, "calendars": len(r.Calendars) > 0,
		"lifecycle": len(r.Lifecycle) > 0, "billing": len(r.Billing) > 0, "migrations": len(r.Migrations) > 0,
		"permissions": len(r.Permissions) > 0,
	}
}

func answer(v any, err error) string {
	if err != nil {
		return "error"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "unmarshalable: " + err.Error()
	}
	return string(b)
}

var (
	probeZones     = []string{"", "America/New_York", "Asia/Tokyo"}
	probeCountries = []string{"", "us", "gb"}
	probeStatuses  = []string{"open", "pending", "solved", "closed", "on-hold"}
	probeSpends    = []int64{0, 1, 2_900, 999_999, 1_000_000, 8_500_000, 25_000_000, 120_000_000, 1 << 40, math.MaxInt64 / 3, math.MaxInt64}
)

// probeDays are days the generated catalogs make special: closed dates,
// holidays of the pools' countries, price versions' and migrations' dates.
var probeDays = []string{"2026-12-24", "2026-03-03", "2026-07-06", "2026-07-03", "2026-12-25", "2026-05-25", "2026-01-01",
	"2026-07-01", "2027-01-01", "2026-06-01", "2025-06-01", "2026-09-01", "2026-08-31"}

// randomInstant draws an instant of 2025-2027, half the time in the three
// days before a special day, at a random minute.
func randomInstant(r *rand.Rand) time.Time {
	if r.IntN(2) == 0 {
		d, _ := time.Parse(time.DateOnly, pick(r, probeDays))
		return d.Add(-time.Duration(r.IntN(3*24*60)) * time.Minute)
	}
	return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(2*365*24*time.Hour))) / time.Minute * time.Minute)
}

func randomCase(r *rand.Rand, tiers []string) Case {
	return Case{Tier: pick(r, tiers), Priority: slo.Priority(1 + r.IntN(4)), Opened: randomInstant(r),
		Zone: pick(r, probeZones), Country: pick(r, probeCountries), Language: pick(r, poolWords), Account: "acme",
		Attrs: map[string]any{"vip": r.IntN(2) == 0}}
}

// pausedRetarget is a history that exercises the settings of a clock:
// priority changes after a pause and during one, a solution and a
// reopening.
var pausedRetarget = []Event{{Type: EventStatus, Status: "pending"}, {Type: EventStatus, Status: "open"},
	{Type: EventPriority, Priority: slo.P1}, {Type: EventStatus, Status: "pending"}, {Type: EventPriority, Priority: slo.P2},
	{Type: EventStatus, Status: "open"}, {Type: EventMessage, By: ByAgent}, {Type: EventStatus, Status: "solved"},
	{Type: EventMessage, By: ByCustomer}, {Type: EventStatus, Status: "open"}}

func randomEvents(r *rand.Rand, c Case, tiers []string) ([]Event, time.Time) {
	at := c.Opened
	var evs []Event
	if r.IntN(3) == 0 {
		for _, ev := range pausedRetarget {
			at = at.Add(time.Duration(1+r.IntN(600)) * time.Minute)
			ev.At = at
			evs = append(evs, ev)
		}
		return evs, at.Add(time.Duration(r.IntN(200)) * time.Hour)
	}
	for range r.IntN(10) {
		at = at.Add(time.Duration(r.IntN(72*60)) * time.Minute)
		ev := Event{At: at, Type: pick(r, []string{EventMessage, EventMessage, EventStatus, EventPriority, EventTier, EventNote})}
		switch ev.Type {
		case EventMessage:
			ev.By = pick(r, []string{ByAgent, ByCustomer})
		case EventStatus:
			ev.Status = pick(r, probeStatuses)
		case EventPriority:
			ev.Priority = slo.Priority(1 + r.IntN(4))
		case EventTier:
			ev.Tier = pick(r, tiers)
		}
		evs = append(evs, ev)
	}
	return evs, at.Add(time.Duration(r.IntN(200)) * time.Hour)
}

func randomSpend(r *rand.Rand) money.Money {
	s := pick(r, probeSpends)
	if r.IntN(3) == 0 {
		s = r.Int64N(300_000_000)
	}
	m, _ := money.NewMoney(s, "USD")
	return m
}

func randomContract(r *rand.Rand, tiers []string) entitlement.Contract {
	start := randomInstant(r).Add(-365 * 24 * time.Hour).Truncate(24 * time.Hour)
	c := entitlement.Contract{Account: "acme", Tier: pick(r, tiers), Start: start, Spend: randomSpend(r),
		Zone: pick(r, probeZones), Attrs: map[string]any{"x": int64(r.IntN(2))}}
	if r.IntN(4) > 0 {
		renewal := start.AddDate(1, 0, 0)
		c.Renewal = &renewal
	}
	return c
}

// probes draws the questions asked of both engines: every decision the
// engine answers, on the tiers (ids and aliases) of either catalog.
func probes(r *rand.Rand, tiers []string, n int) []probe {
	var ps []probe
	for range n {
		c := randomCase(r, tiers)
		evs, now := randomEvents(r, c, tiers)
		ct := randomContract(r, tiers)
		at := randomInstant(r)
		spend := randomSpend(r)
		tier := pick(r, tiers)
		period := billing.MonthPeriod(2026, time.Month(1+r.IntN(12))).Starting(1 + r.IntN(28))
		months := billing.Months{Year: 2026, Month: time.Month(1 + r.IntN(12)), Count: 1 + r.IntN(14)}
		spends := []billing.Spend{{Year: months.Year, Month: months.Month, Account: "acme", Amount: spend}}
		action := pick(r, []string{"cases.view", "cases.edit", "cases.close"})
		principal := entitlement.Principal{ID: "ana", Roles: subset(r, []string{"viewer", "editor"})}
		ps = append(ps,
			probe{"deadline", func(e *Engine) string { return answer(e.Deadline(c)) }},
			probe{"timeline", func(e *Engine) string { return answer(e.Timeline(c, evs, now)) }},
			probe{"price", func(e *Engine) string { return answer(e.Quote(tier, spend)) }},
			probe{"price", func(e *Engine) string { return answer(e.QuotePeriod(tier, spend, period)) }},
			probe{"price", func(e *Engine) string { return answer(e.PriceAt(tier, ct, at)) }},
			probe{"price", func(e *Engine) string { return answer(e.Invoice(ct, months, spends)) }},
			probe{"eligibility", func(e *Engine) string {
				el, err := e.Eligibility(ct, at)
				el.Reasons = nil
				return answer(el, err)
			}},
			probe{"eligibility", func(e *Engine) string {
				en, err := e.Entitlements(ct, at)
				en.Reasons = nil
				return answer(en, err)
			}},
			probe{"eligibility", func(e *Engine) string {
				pl, err := e.Plan(ct, at)
				pl.Eligibility.Reasons = nil
				return answer(pl, err)
			}},
			probe{"deadline", func(e *Engine) string { return answer(e.Compare(tier, c.Tier)) }},
			probe{"allowed", func(e *Engine) string { return answer(e.Allowed(action, principal, c)) }},
		)
	}
	return ps
}

// tierNames returns the ids and aliases of the tiers of both engines, and
// one name neither knows.
func tierNames(a, b *Engine) []string {
	names := []string{"nope"}
	for _, e := range []*Engine{a, b} {
		for n := range e.tiers {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}

// soundness is what one run of the soundness test saw.
type soundness struct {
	dir                        genDir         // where catalogs are written and loaded from
	probes                     int            // the sets of questions asked after each mutation
	tried, compiled, differing map[string]int // by mutation kind
}

// checkMutation applies the mutation kind to a copy of base, compiles
// both, diffs them and asks both the same random questions: a question
// answered differently must be explained by a change Diff reports on a
// section that can change it.
func (s *soundness) checkMutation(t testing.TB, r *rand.Rand, kinds map[string]mutation, kind string, base []byte, old *Engine) {
	s.tried[kind]++
	edited := cloneOf(base)
	if !kinds[kind](edited, r) {
		return
	}
	src := edited.yaml()
	nw, err := s.dir.compile("mutated.yaml", []byte(src))
	if err != nil {
		return
	}
	s.compiled[kind]++
	rep, err := Diff(old, nw, DiffOptions{})
	require.NoError(t, err)
	got := sections(&rep)
	for _, p := range probes(r, tierNames(old, nw), s.probes) {
		a, b := p.ask(old), p.ask(nw)
		if a == b {
			continue
		}
		s.differing[kind]++
		explained := slices.ContainsFunc(explains[p.surface], func(sec string) bool { return got[sec] })
		if !explained || !rep.Changed {
			t.Fatalf("mutation %s: the %s answer changed but Diff reports %v (changed %v)\nold: %s\nnew: %s\n--- old catalog\n%s--- new catalog\n%s",
				kind, p.surface, got, rep.Changed, a, b, base, src)
		}
		return
	}
}

// schemaKeys returns every key catalog.schema.json defines, as paths such
// as "tiers.*.price.bands[].rate": "*" for a mapping's entries (and the
// metrics of lifecycle.metrics, built in or declared, which have the same
// keys; a tier's targets of a declared metric are "tiers.*.*"), "[]" for a
// list's items.
func schemaKeys(t testing.TB) []string {
	b, err := os.ReadFile("../schema/catalog.schema.json")
	require.NoError(t, err)
	var schema map[string]any
	require.NoError(t, json.Unmarshal(b, &schema))
	defs, _ := schema["$defs"].(map[string]any)
	seen := map[string]bool{}
	var walk func(n any, path string, depth int)
	walk = func(n any, path string, depth int) {
		m, ok := n.(map[string]any)
		if !ok || depth > 12 {
			return
		}
		if ref, ok := m["$ref"].(string); ok {
			walk(defs[strings.TrimPrefix(ref, "#/$defs/")], path, depth+1)
		}
		props, _ := m["properties"].(map[string]any)
		for k, v := range props {
			p := strings.TrimPrefix(path+"."+k, ".")
			if strings.HasPrefix(path, "lifecycle.metrics") && path == "lifecycle.metrics" {
				p = "lifecycle.metrics.*"
			}
			seen[p] = true
			walk(v, p, depth+1)
		}
		if v, ok := m["additionalProperties"].(map[string]any); ok {
			if props != nil && path != "lifecycle.metrics" {
				seen[path+".*"] = true // the keys a catalog declares beside the fixed ones
			}
			walk(v, path+".*", depth+1)
		}
		if v, ok := m["items"].(map[string]any); ok {
			walk(v, path+"[]", depth+1)
		}
		for _, key := range []string{"oneOf", "anyOf", "allOf"} {
			alts, _ := m[key].([]any)
			for _, a := range alts {
				walk(a, path, depth+1)
			}
		}
	}
	walk(schema, "", 0)
	var keys []string
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Every key of the catalog schema has a mutation kind, and every kind a
// key: a key added to the schema fails this test until the soundness test
// mutates it.
func TestDiffMutationsCoverTheSchema(t *testing.T) {
	keys := schemaKeys(t)
	require.NotEmpty(t, keys)
	var kinds []string
	for k := range mutations() {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	require.Equal(t, keys, kinds)
}

// runSoundness mutates n random catalogs once per mutation kind each.
func runSoundness(t testing.TB, seed uint64, n int) *soundness {
	r := rand.New(rand.NewPCG(seed, 18))
	kinds := mutations()
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	s := &soundness{dir: newGenDir(t), probes: 10, tried: map[string]int{}, compiled: map[string]int{}, differing: map[string]int{}}
	for range n {
		base := []byte(randomCatalog(r).yaml())
		old, err := s.dir.compile("base.yaml", base)
		if err != nil {
			continue
		}
		for _, kind := range names {
			s.checkMutation(t, r, kinds, kind, base, old)
		}
	}
	return s
}

// answerless are the mutation kinds that change no answer: cosmetic texts,
// a calendar no target uses, the format version.
var answerless = []string{"calendars", "calendars.*.description", "migrations.*.description", "permissions.*.description",
	"priorities", "priorities.P1", "priorities.P2", "priorities.P3", "priorities.P4", "rules[].description",
	"tiers.*.description", "tiers.*.name", "tiers.*.source", "version"}

// TestDiffSound is the soundness test of Diff: thousands of random single
// mutations, one of every kind on each random catalog; no mutation that
// changes a sampled answer may be reported unchanged. Every kind must
// have compiled, and every kind but the answerless ones must have changed
// some answer: the questions are good enough to see each kind.
func TestDiffSound(t *testing.T) {
	n := 25
	if testing.Short() || raceEnabled { // the race detector makes compiling ten times slower
		n = 8
	}
	s := runSoundness(t, 2026, n)
	total := 0
	for k := range mutations() {
		total += s.compiled[k]
		require.Positive(t, s.compiled[k], "mutation kind %s never gave a catalog that compiles", k)
	}
	var silent []string
	for k := range mutations() {
		if s.differing[k] == 0 {
			silent = append(silent, k)
		}
	}
	slices.Sort(silent)
	if n == 25 { // the full run: every kind that can change an answer did
		require.Equal(t, answerless, silent, "mutation kinds that changed no sampled answer")
	}
	t.Logf("%d mutations compiled; %d changed a sampled answer; kinds that changed none: %v", total, sumOf(s.differing), silent)
}

func sumOf(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// FuzzDiff runs the soundness test from random seeds: each execution one
// random catalog and one mutation kind.
func FuzzDiff(f *testing.F) {
	f.Add(uint64(1), uint16(0))
	f.Add(uint64(2), uint16(40))
	kinds := mutations()
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	f.Fuzz(func(t *testing.T, seed uint64, kind uint16) {
		r := rand.New(rand.NewPCG(seed, 18))
		base := []byte(randomCatalog(r).yaml())
		s := &soundness{dir: newGenDir(t), probes: 3, tried: map[string]int{}, compiled: map[string]int{}, differing: map[string]int{}}
		old, err := s.dir.compile("base.yaml", base)
		if err != nil {
			return
		}
		s.checkMutation(t, r, kinds, names[int(kind)%len(names)], base, old)
	})
}

// restyle rewrites a catalog without changing its meaning: every
// mapping's keys shuffled (but the migrations', whose order decides which
// applies first), flow and block styles mixed, comments added,
// descriptions and sources rewritten.
func restyle(t testing.TB, r *rand.Rand, src []byte) []byte {
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		if n.Kind == yaml.MappingNode && key != "migrations" {
			pairs := len(n.Content) / 2
			perm := r.Perm(pairs)
			content := make([]*yaml.Node, 0, len(n.Content))
			for _, i := range perm {
				content = append(content, n.Content[2*i], n.Content[2*i+1])
			}
			n.Content = content
		}
		if n.Kind == yaml.ScalarNode && (key == "description" || key == "source") {
			n.Value = "rewritten"
		}
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			n.Style = pick(r, []yaml.Style{0, yaml.FlowStyle})
			if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
				n.Content[0].HeadComment = "# restyled"
			}
		}
		for i, c := range n.Content {
			k := ""
			if n.Kind == yaml.MappingNode && i%2 == 1 {
				k = n.Content[i-1].Value
			}
			walk(c, k)
		}
	}
	walk(&doc, "")
	out, err := yaml.Marshal(&doc)
	require.NoError(t, err)
	return out
}

// A restyled copy of every random catalog reports nothing.
func TestDiffRestyledCopy(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 18))
	checked := 0
	for range 150 {
		src := []byte(randomCatalog(r).yaml())
		old, err := Compile("base.yaml", src)
		if err != nil {
			continue
		}
		restyled := restyle(t, r, src)
		nw, err := Compile("restyled.yaml", restyled)
		require.NoError(t, err, "%s", restyled)
		rep, err := Diff(old, nw, DiffOptions{})
		require.NoError(t, err)
		require.False(t, rep.Changed, "%v\n%s\n---\n%s", sections(&rep), src, restyled)
		for _, c := range rep.Cosmetic {
			require.True(t, c.Path == "tiers (order)" || c.New == "rewritten", "only cosmetic fields may show: %v", c)
		}
		checked++
	}
	require.Greater(t, checked, 100)
}
