package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/slo"
)

// Engine is a compiled catalog. It is immutable after Compile, Load or
// Default return it and safe for concurrent use by any number of goroutines.
// The zero Engine is not usable; build one with Compile, Load or Default.
type Engine struct {
	names       []string
	calendars   map[string]*slo.Calendar // by id, "24x7" included
	calendarIDs []string                 // catalog order, "24x7" excluded
	tiers       map[string]*tier         // by id and by alias
	tierIDs     []string                 // catalog order
	rules       []*rule
	migrations  []*migration
	permissions map[string]*permission
	// byCountry holds, for calendars whose holidays include the account's
	// country, the calendar of each country asked for so far.
	byCountry map[string]*countryCalendars
}

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

// Tiers returns the ids of the catalog's tiers in catalog order.
func (e *Engine) Tiers() []string { return append([]string(nil), e.tierIDs...) }

// Calendars returns the ids of the catalog's calendars in catalog order,
// after the built-in "24x7".
func (e *Engine) Calendars() []string {
	return append([]string{slo.AlwaysOpenName}, e.calendarIDs...)
}

// Calendar returns the calendar with the given id.
func (e *Engine) Calendar(id string) (*slo.Calendar, bool) {
	c, ok := e.calendars[id]
	return c, ok
}

// Tier returns the tier with the given id or alias. The returned value is a
// copy; changing it does not change the engine.
func (e *Engine) Tier(idOrAlias string) (Tier, error) {
	t, err := e.tier(idOrAlias)
	if err != nil {
		return Tier{}, err
	}
	var price *entitlement.Price
	if t.price != nil {
		pc := *t.price
		pc.Bands = append([]entitlement.Band(nil), t.price.Bands...)
		price = &pc
	}
	return Tier{
		ID: t.id, Name: t.name, Description: t.description, Family: t.family, Legacy: t.legacy,
		Aliases: append([]string(nil), t.aliases...), Response: t.table(), Features: cloneFeatures(t.features),
		Price: price, Source: t.source,
	}, nil
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
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownTier, idOrAlias, strings.Join(e.tierIDs, ", "))
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
