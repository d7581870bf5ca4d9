package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// The generator of random catalogs for the soundness test of Diff
// (diff_sound_test.go): a catalog as Go values that marshal to YAML, drawn
// from small pools so that rules, migrations and permissions often apply.

type gCat struct {
	Version     string                  `yaml:"version,omitempty"`
	Calendars   map[string]*gCal        `yaml:"calendars,omitempty"`
	Tiers       map[string]*gTier       `yaml:"tiers"`
	Rules       []*gRule                `yaml:"rules,omitempty"`
	Migrations  map[string]*gMigration  `yaml:"migrations,omitempty"`
	Permissions map[string]*gPermission `yaml:"permissions,omitempty"`
	Billing     *gBilling               `yaml:"billing,omitempty"`
	Lifecycle   *gLifecycle             `yaml:"lifecycle,omitempty"`
	Priorities  map[string]string       `yaml:"priorities,omitempty"`
}

type gCal struct {
	Description string            `yaml:"description,omitempty"`
	Zone        string            `yaml:"zone"`
	Hours       map[string]string `yaml:"hours"`
	Holidays    []string          `yaml:"holidays,omitempty"`
	Closed      []string          `yaml:"closed,omitempty"`
	ICS         string            `yaml:"ics,omitempty"`
}

type gTier struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description,omitempty"`
	Aliases     []string          `yaml:"aliases,omitempty"`
	Family      string            `yaml:"family,omitempty"`
	Legacy      bool              `yaml:"legacy,omitempty"`
	Response    map[string]string `yaml:"response"`
	NextReply   map[string]string `yaml:"nextReply,omitempty"`
	Update      map[string]string `yaml:"update,omitempty"`
	Resolution  map[string]string `yaml:"resolution,omitempty"`
	Languages   []string          `yaml:"languages,omitempty"`
	Channels    []string          `yaml:"channels,omitempty"`
	Services    []string          `yaml:"services,omitempty"`
	Price       *gPrice           `yaml:"price,omitempty"`
	Prices      []*gPrice         `yaml:"prices,omitempty"`
	Source      string            `yaml:"source,omitempty"`
	// Declared are the targets of the metrics the catalog declares, by name.
	Declared map[string]map[string]string `yaml:",inline"`
}

type gPrice struct {
	Effective string   `yaml:"effective,omitempty"`
	Currency  string   `yaml:"currency"`
	Minimum   string   `yaml:"minimum,omitempty"`
	Maximum   string   `yaml:"maximum,omitempty"`
	Model     string   `yaml:"model,omitempty"`
	Proration string   `yaml:"proration,omitempty"`
	Bands     []*gBand `yaml:"bands"`
}

type gBand struct {
	UpTo string `yaml:"upTo,omitempty"`
	Rate string `yaml:"rate"`
	Flat string `yaml:"flat,omitempty"`
}

type gRule struct {
	ID          string   `yaml:"id"`
	Description string   `yaml:"description,omitempty"`
	When        string   `yaml:"when"`
	Metric      string   `yaml:"metric,omitempty"`
	Tiers       []string `yaml:"tiers,omitempty"`
	Priorities  []string `yaml:"priorities,omitempty"`
	Within      string   `yaml:"within,omitempty"`
	Calendar    string   `yaml:"calendar,omitempty"`
}

type gMigration struct {
	Description    string     `yaml:"description,omitempty"`
	Applies        string     `yaml:"applies"`
	Effective      string     `yaml:"effective"`
	To             []string   `yaml:"to"`
	HoldPriceUntil string     `yaml:"holdPriceUntil,omitempty"`
	Grants         []*gGrant  `yaml:"grants,omitempty"`
	Keep           *gFeatures `yaml:"keep,omitempty"`
}

type gGrant struct {
	From      string   `yaml:"from"`
	Until     string   `yaml:"until,omitempty"`
	Languages []string `yaml:"languages,omitempty"`
	Channels  []string `yaml:"channels,omitempty"`
	Services  []string `yaml:"services,omitempty"`
}

type gFeatures struct {
	Languages []string `yaml:"languages,omitempty"`
	Channels  []string `yaml:"channels,omitempty"`
	Services  []string `yaml:"services,omitempty"`
}

type gPermission struct {
	Description string `yaml:"description,omitempty"`
	Allow       string `yaml:"allow"`
}

type gBilling struct {
	PriceVersion string `yaml:"priceVersion"`
}

type gLifecycle struct {
	Solved     []string             `yaml:"solved,omitempty"`
	Waiting    []string             `yaml:"waiting,omitempty"`
	TierChange string               `yaml:"tierChange,omitempty"`
	Metrics    map[string]*gSetting `yaml:"metrics,omitempty"`
}

type gSetting struct {
	Start          string `yaml:"start,omitempty"`
	Stop           string `yaml:"stop,omitempty"`
	Pause          string `yaml:"pause,omitempty"`
	Resume         string `yaml:"resume,omitempty"`
	Reset          string `yaml:"reset,omitempty"`
	PriorityChange string `yaml:"priorityChange,omitempty"`
	KeepPauses     *bool  `yaml:"keepPauses,omitempty"`
	Reopen         string `yaml:"reopen,omitempty"`
}

// The pools values are drawn from.
var (
	poolZones      = []string{"America/New_York", "Europe/Paris", "account"}
	poolHours      = []map[string]string{{"mon-fri": "09:00-17:00"}, {"mon-fri": "08:00-18:00"}, {"sun": "17:00-24:00", "mon-thu": "00:00-24:00", "fri": "00:00-17:00"}, {"sat-sun": "10:00-16:00"}, {"mon": "09:00-12:00, 13:00-17:00"}}
	poolHolidays   = [][]string{nil, {"us"}, {"gb"}, {"us", "gb"}, {"account-if-any"}, {"account"}}
	poolClosed     = [][]string{nil, {"2026-12-24"}, {"2026-03-03", "2026-07-06"}}
	poolWithin     = []string{"15m", "1h", "2h", "4h", "8h", "24h", "40h"}
	poolWords      = []string{"en", "fr", "ja"}
	poolChannels   = []string{"console", "chat", "email"}
	poolServices   = []string{"advisor", "events"}
	poolFamilies   = []string{"", "care", "old"}
	poolRates      = []string{"0%", "3%", "5%", "7%", "10%", "6.15%"}
	poolAmounts    = []string{"", "29", "100", "150", "5000"}
	poolLimits     = []string{"10000", "80000", "250000"}
	poolModels     = []string{"", "graduated", "volume"}
	poolProrations = []string{"", "days", "month-end", "full-month"}
	poolEffective  = []string{"2025-01-01", "2026-01-01", "2026-07-01", "2027-01-01"}
	poolWhen       = []string{"true", "false", "case.attrs.?vip.orValue(false) == true", "case.language == 'fr'", "case.priority == 'P1'", "'chat' in tier.channels", "tier.legacy", "tier.family == 'care'", "case.country == 'us'", "'x' in tier.aliases", "'fr' in tier.languages", "'advisor' in tier.services"}
	poolApplies    = []string{"tier.legacy", "tier.family == 'old'", "true", "contract.spend.units > 1000", "contract.attrs.?x.orValue(0) == 1", "'chat' in tier.channels"}
	poolInstants   = []string{"contract.renewal", "contract.start", "timestamp('2026-06-01T00:00:00Z')", "timestamp('2025-06-01T00:00:00Z')", "timestamp('2026-09-01T00:00:00Z')"}
	poolAllow      = []string{"principal.roles.exists(r, r == 'viewer')", "'editor' in principal.roles", "tier.family == 'care'", "case.priority == 'P1'", "true", "'chat' in tier.channels", "tier.legacy", "'fr' in tier.languages"}
	poolEventConds = []string{"", "event.status == 'pending'", "event.type == 'message' && event.by == 'agent'", "event.type == 'open'", "event.status == 'open'", "false", "event.type == 'message' && event.by == 'customer'"}
	poolStatuses   = [][]string{nil, {"solved"}, {"solved", "closed"}, {"pending"}, {"pending", "on-hold"}}
	poolPriorities = []string{"P1", "P2", "P3", "P4"}
	poolMetrics    = []string{"response", "nextReply", "update", "resolution"}
	poolTexts      = []string{"", "one text", "another text"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// subset returns a random sub-list of pool, in a random order, nil or not.
func subset(r *rand.Rand, pool []string) []string {
	var out []string
	for _, i := range r.Perm(len(pool)) {
		if r.IntN(2) == 0 {
			out = append(out, pool[i])
		}
	}
	return out
}

// calendarIDs returns the calendars a target may name.
func (c *gCat) calendarIDs() []string {
	ids := []string{"24x7"}
	for id := range c.Calendars {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (c *gCat) tierIDs() []string {
	var ids []string
	for id := range c.Tiers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// declaredMetric is the metric a generated catalog may declare.
const declaredMetric = "wait"

// declares reports whether the catalog declares its own metric.
func (c *gCat) declares() bool {
	return c.Lifecycle != nil && c.Lifecycle.Metrics[declaredMetric] != nil
}

// metricNames returns the metrics a rule of the catalog may name.
func (c *gCat) metricNames() []string {
	if c.declares() {
		return append(slices.Clone(poolMetrics), declaredMetric)
	}
	return poolMetrics
}

// randomDeclared draws the settings of a declared metric: start and stop,
// pause and resume together or neither.
func randomDeclared(r *rand.Rand) *gSetting {
	s := &gSetting{Start: pick(r, poolEventConds[1:]), Stop: pick(r, poolEventConds[1:]), Reset: pick(r, poolEventConds)}
	if r.IntN(2) == 0 {
		s.Pause, s.Resume = pick(r, poolEventConds[1:]), pick(r, poolEventConds[1:])
	}
	return s
}

func (c *gCat) target(r *rand.Rand) string {
	return pick(r, poolWithin) + " " + pick(r, c.calendarIDs())
}

func (c *gCat) targets(r *rand.Rand, required bool) map[string]string {
	if !required && r.IntN(2) == 0 {
		return nil
	}
	t := map[string]string{}
	for _, p := range poolPriorities {
		if r.IntN(3) > 0 || len(t) == 0 && p == "P4" {
			t[p] = c.target(r)
		}
	}
	return t
}

func randomCal(r *rand.Rand) *gCal {
	return &gCal{Description: pick(r, poolTexts), Zone: pick(r, poolZones), Hours: pick(r, poolHours), Holidays: pick(r, poolHolidays), Closed: pick(r, poolClosed)}
}

func randomBands(r *rand.Rand) []*gBand {
	n := 1 + r.IntN(3)
	var bands []*gBand
	for i := range n {
		b := &gBand{Rate: pick(r, poolRates)}
		if r.IntN(4) == 0 {
			b.Flat = pick(r, poolAmounts[1:])
		}
		if i < n-1 {
			b.UpTo = poolLimits[i]
		}
		bands = append(bands, b)
	}
	return bands
}

func randomPrice(r *rand.Rand) *gPrice {
	p := &gPrice{Currency: "USD", Minimum: pick(r, poolAmounts), Model: pick(r, poolModels), Proration: pick(r, poolProrations), Bands: randomBands(r)}
	if r.IntN(3) == 0 {
		p.Maximum = "20000"
	}
	return p
}

func (c *gCat) randomTier(r *rand.Rand, i int) *gTier {
	t := &gTier{Name: fmt.Sprintf("T%d", i), Description: pick(r, poolTexts), Family: pick(r, poolFamilies), Legacy: r.IntN(3) == 0,
		Response: c.targets(r, true), NextReply: c.targets(r, false), Update: c.targets(r, false), Resolution: c.targets(r, false),
		Languages: subset(r, poolWords), Channels: subset(r, poolChannels), Services: subset(r, poolServices), Source: pick(r, poolTexts)}
	if r.IntN(3) == 0 {
		t.Aliases = []string{fmt.Sprintf("a%d", i)}
	}
	switch r.IntN(3) {
	case 0:
		t.Price = randomPrice(r)
	case 1:
		for _, eff := range poolEffective[:1+r.IntN(3)] {
			p := randomPrice(r)
			p.Effective = eff
			t.Prices = append(t.Prices, p)
		}
	}
	return t
}

func (c *gCat) randomRule(r *rand.Rand, i int) *gRule {
	rl := &gRule{ID: fmt.Sprintf("r%d", i), Description: pick(r, poolTexts), When: pick(r, poolWhen), Tiers: subset(r, c.tierIDs()), Priorities: subset(r, poolPriorities)}
	if r.IntN(2) == 0 {
		rl.Metric = pick(r, c.metricNames())
	}
	if r.IntN(4) > 0 {
		rl.Within = pick(r, poolWithin)
	}
	if rl.Within == "" || r.IntN(3) == 0 {
		rl.Calendar = pick(r, c.calendarIDs())
	}
	return rl
}

func (c *gCat) randomMigration(r *rand.Rand) *gMigration {
	m := &gMigration{Description: pick(r, poolTexts), Applies: pick(r, poolApplies), Effective: pick(r, poolInstants), To: subset(r, c.tierIDs())}
	if len(m.To) == 0 {
		m.To = c.tierIDs()[:1]
	}
	if r.IntN(2) == 0 {
		m.HoldPriceUntil = pick(r, poolInstants)
	}
	if r.IntN(2) == 0 {
		m.Grants = []*gGrant{randomGrant(r)}
	}
	if r.IntN(2) == 0 {
		m.Keep = &gFeatures{Languages: subset(r, poolWords), Channels: subset(r, poolChannels), Services: subset(r, poolServices)}
	}
	return m
}

func randomGrant(r *rand.Rand) *gGrant {
	g := &gGrant{From: pick(r, poolInstants), Languages: subset(r, poolWords), Channels: subset(r, poolChannels), Services: subset(r, poolServices)}
	if r.IntN(2) == 0 {
		g.Until = pick(r, poolInstants)
	}
	return g
}

func randomSetting(r *rand.Rand) *gSetting {
	s := &gSetting{Start: pick(r, poolEventConds), Stop: pick(r, poolEventConds), Pause: pick(r, poolEventConds), Resume: pick(r, poolEventConds), Reset: pick(r, poolEventConds)}
	s.PriorityChange = pick(r, []string{"", "retarget", "restart"})
	s.Reopen = pick(r, []string{"", "new", "continue"})
	if r.IntN(2) == 0 {
		keep := r.IntN(2) == 0
		s.KeepPauses = &keep
	}
	return s
}

func randomLifecycle(r *rand.Rand) *gLifecycle {
	lc := &gLifecycle{Solved: pick(r, poolStatuses), Waiting: pick(r, poolStatuses), TierChange: pick(r, []string{"", "fixed", "reevaluate"})}
	if r.IntN(2) == 0 {
		lc.Metrics = map[string]*gSetting{pick(r, poolMetrics): randomSetting(r)}
	}
	return lc
}

// declare declares the catalog's own metric, and gives some tiers targets
// for it.
func (c *gCat) declare(r *rand.Rand) {
	if c.Lifecycle == nil {
		c.Lifecycle = &gLifecycle{}
	}
	if c.Lifecycle.Metrics == nil {
		c.Lifecycle.Metrics = map[string]*gSetting{}
	}
	c.Lifecycle.Metrics[declaredMetric] = randomDeclared(r)
	for _, id := range c.tierIDs() {
		if r.IntN(2) == 0 {
			c.Tiers[id].Declared = map[string]map[string]string{declaredMetric: c.targets(r, true)}
		}
	}
}

// randomCatalog draws a catalog: 0-2 calendars, 2-3 tiers, 0-3 rules, a
// migration, permissions, billing and lifecycle sections now and then.
func randomCatalog(r *rand.Rand) *gCat {
	c := &gCat{Calendars: map[string]*gCal{}, Tiers: map[string]*gTier{}}
	for i := range r.IntN(3) {
		c.Calendars[fmt.Sprintf("c%d", i)] = randomCal(r)
	}
	for i := range 2 + r.IntN(2) {
		c.Tiers[fmt.Sprintf("t%d", i)] = c.randomTier(r, i)
	}
	if r.IntN(2) == 0 {
		c.Lifecycle = randomLifecycle(r)
	}
	if r.IntN(2) == 0 {
		c.declare(r)
	}
	for i := range r.IntN(4) {
		c.Rules = append(c.Rules, c.randomRule(r, i))
	}
	if r.IntN(4) > 0 {
		c.Migrations = map[string]*gMigration{"m0": c.randomMigration(r)}
	}
	c.Permissions = map[string]*gPermission{"cases.view": {Allow: pick(r, poolAllow)}, "cases.edit": {Allow: pick(r, poolAllow), Description: pick(r, poolTexts)}}
	if r.IntN(2) == 0 {
		c.Billing = &gBilling{PriceVersion: pick(r, []string{"contract", "billed"})}
	}
	return c
}

// genICS are the iCalendar files a generated calendar may close on (its
// ics key), written beside the catalog by compileGen.
var genICS = map[string]string{
	"shutdown.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiercel//test//EN\r\nBEGIN:VEVENT\r\nUID:a@example.com\r\n" +
		"DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Shutdown\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"summer.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiercel//test//EN\r\nBEGIN:VEVENT\r\nUID:b@example.com\r\n" +
		"DTSTART;VALUE=DATE:20260703\r\nSUMMARY:Summer day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
}

// genDir is a directory holding genICS, where compileGen writes catalogs.
type genDir string

func newGenDir(t testing.TB) genDir {
	dir := t.TempDir()
	for name, src := range genICS {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600))
	}
	return genDir(dir)
}

// compile loads a generated catalog from a file of the directory, so that
// its ics keys resolve.
func (g genDir) compile(name string, src []byte) (*Engine, error) {
	path := filepath.Join(string(g), name)
	if err := os.WriteFile(path, src, 0o600); err != nil {
		return nil, err
	}
	return Load(path)
}

// cloneOf reads a catalog the generator wrote.
func cloneOf(b []byte) *gCat {
	var out gCat
	if err := yaml.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return &out
}

func (c *gCat) yaml() string {
	b, err := yaml.Marshal(c)
	if err != nil {
		panic(err)
	}
	return string(b)
}
