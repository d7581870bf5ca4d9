package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// Engine is a compiled catalog. It is immutable after Compile, Load or
// Default return it and safe for concurrent use by any number of goroutines.
// The zero Engine is not usable; build one with Compile, Load or Default.
type Engine struct {
	names       []string
	calendars   calendars
	tiers       map[string]*tier // by id and by alias
	tierIDs     []string         // catalog order
	rules       []*rule
	migrations  []*migration
	permissions map[string]*permission
	// versionPolicy is billing.priceVersion: which price version a contract pays.
	versionPolicy billing.VersionPolicy
	lifecycle     *lifecycle         // how events drive the clocks of each metric (Timeline)
	priorities    [slo.P4 + 1]string // the catalog's wording of each priority, "" for none
	cov           *Coverage          // records the items decisions touch; nil but on Coverage.Engine's view
}

// Compile parses, checks and compiles one YAML catalog document. name is the
// file name used in error positions. Every problem of the document is
// reported: the error is an ErrorList sorted by position, even when it holds
// one *Error, and wraps ErrInvalidCatalog; errors.As finds the first *Error.
func Compile(name string, src []byte) (*Engine, error) {
	return compileFiles([]string{name}, [][]byte{src})
}

// Load reads, merges and compiles catalog files. Calendars, tiers, aliases,
// rules, migrations and permission actions must be unique across the files;
// rules keep the order of the files and, within a file, their written order.
// Only regular files of at most 16 MiB are read (see ErrNotRegularFile and
// ErrInputTooLarge); every error wraps ErrInvalidCatalog. A file named twice
// (even as "tiers.yaml" and "./tiers.yaml") is loaded once.
func Load(paths ...string) (*Engine, error) {
	paths, srcs, err := readCatalogs(paths)
	if err != nil {
		return nil, err
	}
	e, _, err := compileDocs(paths, srcs, true)
	return e, err
}

// readCatalogs reads the catalog files at paths, each once, for Load and
// Lint; errors wrap ErrInvalidCatalog.
func readCatalogs(paths []string) ([]string, [][]byte, error) {
	paths = uniquePaths(paths)
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("%w: no catalog files given", ErrInvalidCatalog)
	}
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		b, err := readfile.Read(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrInvalidCatalog, err)
		}
		srcs[i] = b
	}
	return paths, srcs, nil
}

// compileFiles compiles documents that were not read from files: paths in
// them (a calendar's ics) cannot be resolved.
func compileFiles(names []string, srcs [][]byte) (*Engine, error) {
	e, _, err := compileDocs(names, srcs, false)
	return e, err
}

// compileDocs compiles the documents srcs, named names; fromFiles says
// they were read from the files so named. It also returns the definitions
// as written, with their positions (what Lint reads). Options set up the
// compiler (tests compile every condition from its text with textOnly).
func compileDocs(names []string, srcs [][]byte, fromFiles bool, options ...func(*compiler)) (*Engine, *catalogFile, error) {
	env, err := celEnv()
	if err != nil {
		return nil, nil, fmt.Errorf("tiercel: cel environment: %w", err)
	}
	c := &compiler{env: env}
	for _, o := range options {
		o(c)
	}
	var all catalogFile
	ds := make([]*decoder, len(srcs))
	roots := make([]*yaml.Node, len(srcs))
	for i, src := range srcs { // the lifecycle sections first: they declare the metrics tiers and rules name
		ds[i] = newDecoder(names[i], src)
		ds[i].fromFile = fromFiles
		roots[i] = ds[i].Document()
		ds[i].parseLifecycleSection(roots[i], &all)
	}
	all.metrics = c.metricSet(all.lifecycle)
	for i, d := range ds {
		d.metrics, d.tierKeys = all.metrics, tierKeysWith(all.metrics)
		d.parseFile(roots[i], &all)
		c.errs = append(c.errs, d.Errors()...)
	}
	e := c.link(names, &all)
	if len(c.errs) > 0 {
		return nil, nil, c.errs.Err()
	}
	if len(e.tierIDs) == 0 {
		return nil, nil, ErrorList{pos{File: names[0], Line: 1, Column: 1, Kind: ErrInvalidCatalog}.Errorf(nil, "the catalog defines no tiers")}
	}
	return e, &all, nil
}

// link cross-checks the definitions of every file (ids unique across files,
// references known) and compiles them into an engine: calendars first, as
// tiers and rules refer to them, and the lifecycle, which gives the
// metrics, then tiers, rules and their chains, migrations and permissions.
func (c *compiler) link(names []string, all *catalogFile) *Engine {
	e := &Engine{names: names}
	cals, calendarKnown := c.compileCalendars(all.calendars)
	e.calendars = cals
	e.lifecycle = c.compileLifecycle(all.lifecycle, all.metrics)
	e.tiers, e.tierIDs = c.compileTiers(all.tiers, all.metrics, calendarKnown)
	tierID := func(ref string) (string, bool) {
		t, ok := e.tiers[ref]
		if !ok {
			return "", false
		}
		return t.id, true
	}
	e.rules = c.compileRules(all.rules, calendarKnown, tierID)
	if len(c.errs) == 0 {
		c.chainRules(e.tierIDs, e.tiers, e.rules)
	}
	e.migrations = c.compileMigrations(all.migrations, e.tierIDs, e.tiers)
	e.permissions = c.compilePermissions(all.permissions)
	e.versionPolicy = c.compileBilling(all.billing)
	e.priorities = c.compilePriorities(all.priorities)
	return e
}

// Tiers returns the ids of the catalog's tiers in catalog order.
func (e *Engine) Tiers() []string { return append([]string(nil), e.tierIDs...) }

// Calendars returns the ids of the catalog's calendars in catalog order,
// after the built-in "24x7".
func (e *Engine) Calendars() []string {
	return append([]string{slo.AlwaysOpenName}, e.calendars.ids...)
}

// Calendar returns the calendar with the given id.
func (e *Engine) Calendar(id string) (*slo.Calendar, bool) {
	c, ok := e.calendars.byID[id]
	return c, ok
}

// Tier returns the tier with the given id or alias. The returned value is a
// copy; changing it does not change the engine.
func (e *Engine) Tier(idOrAlias string) (Tier, error) {
	t, err := e.tier(idOrAlias)
	if err != nil {
		return Tier{}, err
	}
	var price *billing.Price
	if t.price != nil {
		pc := *t.price
		pc.Bands = append([]billing.Band(nil), t.price.Bands...)
		price = &pc
	}
	prices := slices.Clone(t.prices)
	for i := range prices {
		prices[i].Price.Bands = slices.Clone(prices[i].Price.Bands)
	}
	return Tier{
		ID: t.id, Name: t.name, Description: t.description, Family: t.family, Legacy: t.legacy,
		Aliases: append([]string(nil), t.aliases...), Targets: e.targets(t), Features: cloneFeatures(t.features),
		Price: price, Prices: prices, Source: t.source,
	}, nil
}

// targets returns the targets of tier t by metric name: response always,
// the other metrics when t promises them.
func (e *Engine) targets(t *tier) map[string]slo.Table {
	out := make(map[string]slo.Table, len(t.objectives))
	for m := range t.objectives {
		if m == int(response) {
			out[e.lifecycle.metrics[m].name] = t.objectives[m].table()
		} else if tb := t.objectives[m].promised(); tb != nil {
			out[e.lifecycle.metrics[m].name] = tb
		}
	}
	return out
}

// Metrics returns the names of the catalog's metrics, in the order
// Timeline reports them: the built-ins (BuiltinMetrics), then those the
// catalog's lifecycle section declares, in written order.
func (e *Engine) Metrics() []string {
	out := make([]string, len(e.lifecycle.metrics))
	for i := range e.lifecycle.metrics {
		out[i] = e.lifecycle.metrics[i].name
	}
	return out
}

// Features returns the languages, channels and services of a tier.
func (e *Engine) Features(idOrAlias string) (entitlement.Features, error) {
	t, err := e.tier(idOrAlias)
	if err != nil {
		return entitlement.Features{}, err
	}
	return cloneFeatures(t.features), nil
}

// tier looks a tier up by id or alias, ignoring case as priorities are
// read ("Standard" is standard, "p1" is P1): ids and aliases are lowercase.
func (e *Engine) tier(idOrAlias string) (*tier, error) {
	t, ok := e.tiers[idOrAlias]
	if !ok {
		t, ok = e.tiers[strings.ToLower(idOrAlias)]
	}
	if !ok {
		return nil, &UnknownTierError{Tier: idOrAlias, Known: slices.Clone(e.tierIDs), Shipped: e.shippedWith(idOrAlias)}
	}
	return t, nil
}

// Rules returns the ids of the catalog's rules in the order they are tried.
func (e *Engine) Rules() []string {
	ids := make([]string, len(e.rules))
	for i, r := range e.rules {
		ids[i] = r.id
	}
	return ids
}

// Actions returns the actions the catalog's permissions name, sorted.
func (e *Engine) Actions() []string {
	out := make([]string, 0, len(e.permissions))
	for a := range e.permissions {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
