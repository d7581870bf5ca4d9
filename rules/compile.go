package rules

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/interpreter"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/slo"
)

// Compile parses, checks and compiles one YAML catalog document. name is the
// file name used in error positions. Every problem of the document is
// reported: the error is an *Error when there is one, an ErrorList sorted by
// position when there are several; both wrap ErrInvalidCatalog.
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
	paths = uniquePaths(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no catalog files given", ErrInvalidCatalog)
	}
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		b, err := readfile.Read(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidCatalog, err)
		}
		srcs[i] = b
	}
	return compileFiles(paths, srcs)
}

type compiler struct {
	env  *cel.Env
	errs ErrorList
	eng  *Engine
}

func (c *compiler) add(e *Error) { c.errs = append(c.errs, e) }

func compileFiles(names []string, srcs [][]byte) (*Engine, error) {
	env, err := celEnv()
	if err != nil {
		return nil, fmt.Errorf("tiercel: cel environment: %w", err)
	}
	c := &compiler{env: env}
	var files []*catalogFile
	for i, src := range srcs {
		d := newDecoder(names[i], src)
		cf := d.parseFile()
		c.errs = append(c.errs, d.Errors()...)
		if cf != nil {
			files = append(files, cf)
		}
	}
	c.eng = &Engine{
		names:       names,
		calendars:   map[string]*slo.Calendar{slo.AlwaysOpenName: slo.AlwaysOpen()},
		tiers:       map[string]*tier{},
		permissions: map[string]*permission{},
		byCountry:   map[string]*countryCalendars{},
	}
	c.merge(files)
	if len(c.errs) > 0 {
		return nil, c.errs.Err()
	}
	if len(c.eng.tierIDs) == 0 {
		return nil, ErrorList{pos{File: names[0], Line: 1, Column: 1, Kind: ErrInvalidCatalog}.Errorf(nil, "the catalog defines no tiers")}
	}
	return c.eng, nil
}

// merge cross-checks the files' definitions and compiles them into the engine.
func (c *compiler) merge(files []*catalogFile) {
	e := c.eng
	// Calendars first: tiers and rules refer to them.
	calAt := map[string]pos{}
	for _, f := range files {
		for _, cd := range f.calendars {
			if prev, dup := calAt[cd.id]; dup {
				c.add(cd.at.Errorf(nil, "duplicate calendar %q (first defined at %s)", cd.id, prev.Short()))
				continue
			}
			calAt[cd.id] = cd.at
			if cd.broken {
				continue
			}
			cal, err := slo.NewCalendar(cd.spec)
			if err != nil {
				c.add(cd.at.Errorf(err, "%v", err))
				continue
			}
			e.calendars[cd.id] = cal
			e.calendarIDs = append(e.calendarIDs, cd.id)
			if cd.accountHolidays {
				e.byCountry[cd.id] = &countryCalendars{spec: cd.spec, optional: !cd.accountRequired, m: map[string]*slo.Calendar{}}
			}
		}
	}
	calendarKnown := func(id string) bool {
		_, ok := calAt[id]
		return ok || id == slo.AlwaysOpenName
	}
	// Tiers, their ids and aliases in one namespace.
	nameAt := map[string]pos{}
	for _, f := range files {
		for _, td := range f.tiers {
			if prev, dup := nameAt[td.id]; dup {
				c.add(td.at.Errorf(nil, "duplicate tier %q (first defined at %s)", td.id, prev.Short()))
				continue
			}
			nameAt[td.id] = td.at
			t := &tier{
				id: td.id, name: td.name, description: td.description, family: td.family,
				legacy: td.legacy, aliases: td.aliases, features: td.features, price: td.price, source: td.source,
			}
			for p := slo.P1; p <= slo.P4; p++ {
				t.row[p] = tableRow(t.id, p)
				if r := td.response[p]; r != nil {
					if !calendarKnown(r.target.Calendar) {
						c.add(r.at.Errorf(nil, "unknown calendar %q", r.target.Calendar))
						continue
					}
					t.response[p] = r.target
					t.has[p] = true
				}
			}
			e.tiers[td.id] = t
			e.tierIDs = append(e.tierIDs, td.id)
		}
	}
	for _, f := range files {
		for _, td := range f.tiers {
			for i, a := range td.aliases {
				if prev, dup := nameAt[a]; dup {
					c.add(td.aliasAt[i].Errorf(nil, "alias %q clashes with the tier or alias at %s", a, prev.Short()))
					continue
				}
				nameAt[a] = td.aliasAt[i]
				if t := e.tiers[td.id]; t != nil {
					e.tiers[a] = t
				}
			}
		}
	}
	for _, id := range e.tierIDs {
		t := e.tiers[id]
		t.cel = &celTier{ID: t.id, Name: t.name, Family: t.family, Legacy: t.legacy, Aliases: orEmpty(t.aliases),
			Languages: orEmpty(t.features.Languages), Channels: orEmpty(t.features.Channels), Services: orEmpty(t.features.Services)}
	}
	c.compileRules(files, calendarKnown)
	c.compileMigrations(files)
	c.compilePermissions(files)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (c *compiler) compileRules(files []*catalogFile, calendarKnown func(string) bool) {
	e := c.eng
	ruleAt := map[string]pos{}
	var defs []*ruleDef
	for _, f := range files {
		for _, rd := range f.rules {
			if prev, dup := ruleAt[rd.id]; dup {
				c.add(rd.at.Errorf(nil, "duplicate rule id %q (first defined at %s)", rd.id, prev.Short()))
				continue
			}
			ruleAt[rd.id] = rd.at
			prg, cost, ok := c.compileExprCost(rd.when, cel.BoolType)
			r := &rule{id: rd.id, description: rd.description, within: rd.within, when: rd.when, prg: prg, cost: cost}
			if rd.calendar != nil {
				if !calendarKnown(rd.calendar.id) {
					c.add(rd.calendar.at.Errorf(nil, "unknown calendar %q", rd.calendar.id))
					ok = false
				}
				r.calendar = rd.calendar.id
			}
			for _, ref := range rd.tiers {
				t, found := e.tiers[ref.id]
				if !found {
					c.add(ref.at.Errorf(ErrUnknownTier, "unknown tier %q", ref.id))
					ok = false
					continue
				}
				r.tiers = append(r.tiers, t.id)
			}
			r.priorities = rd.priorities
			if ok {
				e.rules = append(e.rules, r)
				defs = append(defs, rd)
			}
		}
	}
	if len(c.errs) > 0 {
		return
	}
	c.chainRules()
}

// chainRules gives every tier and priority the first-match chain of the
// rules that can apply to it. A chain is the list of its rules' programs,
// each compiled once, so compiling grows with the catalog's size, not with
// tiers x priorities x rule text; identical chains share one decision.
// A chain whose rules together may cost more than the runtime limit it runs
// under is an error at the rule that pushes it over, reported once.
func (c *compiler) chainRules() {
	e := c.eng
	shared := map[string]*decision{}
	reported := map[*rule]bool{}
	var key []byte
	var chain []*rule
	for _, id := range e.tierIDs {
		t := e.tiers[id]
		for p := slo.P1; p <= slo.P4; p++ {
			key, chain = key[:0], chain[:0]
			for i, r := range e.rules {
				if r.appliesTo(t.id, p) {
					key = binary.AppendUvarint(key, uint64(i))
					chain = append(chain, r)
				}
			}
			if len(chain) == 0 {
				continue
			}
			d, ok := shared[string(key)]
			if !ok {
				d = &decision{rules: slices.Clone(chain)}
				shared[string(key)] = d
				c.checkChainCost(d.rules, t.id, p, reported)
			}
			t.decide[p] = d
		}
	}
}

// checkChainCost reports the first rule of chain at which the estimated
// worst-case cost of the chain, every rule before it failing, exceeds the
// runtime limit the chain is evaluated under.
func (c *compiler) checkChainCost(chain []*rule, tierID string, p slo.Priority, reported map[*rule]bool) {
	var sum uint64
	for _, r := range chain {
		sum += r.cost
		if sum <= runtimeCostLimit {
			continue
		}
		if !reported[r] {
			reported[r] = true
			c.add(r.when.at.Errorf(ErrCostLimit, "the rules before it and this one may cost up to %d, over the limit %d (tier %q, %s): make the conditions cheaper or limit the rules to fewer tiers or priorities", sum, runtimeCostLimit, tierID, p))
		}
		return
	}
}

// zones caches time.LoadLocation, which reads the zone database on every
// call. A map under a read lock avoids boxing the key on the hot path.
var zones = struct {
	sync.RWMutex
	m map[string]*time.Location
}{m: map[string]*time.Location{}}

func loadZone(name string) (*time.Location, error) {
	zones.RLock()
	l, ok := zones.m[name]
	zones.RUnlock()
	if ok {
		return l, nil
	}
	if name == "" || name == "Local" || strings.ContainsAny(name, "\x00") {
		return nil, fmt.Errorf("%w: %q", ErrInvalidZone, name)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %q", ErrInvalidZone, name)
	}
	zones.Lock()
	if len(zones.m) < 4096 {
		zones.m[name] = l
	}
	zones.Unlock()
	return l, nil
}

// evalError wraps cost-limit failures of an evaluation in ErrCostLimit and
// every other failure in ErrEvaluation.
func evalError(what string, err error) error {
	var cancelled interpreter.EvalCancelledError
	if errors.As(err, &cancelled) && cancelled.Cause == interpreter.CostLimitExceeded {
		return fmt.Errorf("%s: %w: %w", what, ErrCostLimit, err)
	}
	return fmt.Errorf("%s: %w: %w", what, ErrEvaluation, err)
}
