package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"cel.dev/cel-go/cel"

	"github.com/tiercel/tiercel/entitlement"
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

// AccountCountry in a calendar's holidays stands for the country given with
// each case (Case.Country): a case counted on the calendar must name one
// (ErrCountryRequired), as a calendar in the account's zone needs a zone.
const AccountCountry = "account"

// AccountCountryIfAny in a calendar's holidays stands for the country given
// with each case, if any: a case that names no country gets no public
// holidays from it.
const AccountCountryIfAny = "account-if-any"

// countryCalendars builds, on first use, the variant of one calendar closed
// on a given country's holidays, and keeps it: the engine stays immutable to
// its callers and safe for concurrent use.
type countryCalendars struct {
	spec     slo.CalendarSpec
	optional bool // holidays: [account-if-any]: a case may name no country
	mu       sync.RWMutex
	m        map[string]*slo.Calendar
}

func (cc *countryCalendars) get(country string) (*slo.Calendar, error) {
	cc.mu.RLock()
	cal, ok := cc.m[country]
	cc.mu.RUnlock()
	if ok {
		return cal, nil
	}
	lower := strings.ToLower(country)
	if !slices.Contains(slo.HolidayCountries(), lower) {
		return nil, fmt.Errorf("%w: unknown holiday country %q", ErrInvalidCase, country)
	}
	spec := cc.spec
	spec.Holidays = append(slices.Clone(spec.Holidays), lower)
	cal, err := slo.NewCalendar(spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidCase, err)
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if prev, ok := cc.m[country]; ok {
		return prev, nil
	}
	cc.m[country] = cal
	return cal, nil
}

type tier struct {
	id, name, description, family, source string
	legacy                                bool
	aliases                               []string
	response                              [slo.P4 + 1]slo.Target
	has                                   [slo.P4 + 1]bool
	features                              entitlement.Features
	price                                 *entitlement.Price
	cel                                   *celTier
	decide                                [slo.P4 + 1]*decision
	row                                   [slo.P4 + 1]string // "tiers.<id>.response.<P>", precomputed
}

// decision is the first-match chain of the rules that can apply to one tier
// and priority. Each rule's when is compiled once into its own program; the
// chain evaluates them in order on one execution frame, so one cost tracker
// and one cost limit cover the whole chain. Tiers and priorities with the
// same rules share one decision.
type decision struct {
	rules []*rule
}

type rule struct {
	id, description string
	when            *expr
	prg             cel.Program // the when, compiled once
	cost            uint64      // the when's estimated worst-case cost
	tiers           []string
	priorities      []slo.Priority
	within          time.Duration
	calendar        string
}

func (r *rule) appliesTo(tierID string, p slo.Priority) bool {
	return (len(r.tiers) == 0 || slices.Contains(r.tiers, tierID)) &&
		(len(r.priorities) == 0 || slices.Contains(r.priorities, p))
}

// Tier describes one tier of the catalog.
type Tier struct {
	ID          string
	Name        string
	Description string
	Family      string
	Legacy      bool
	Aliases     []string
	Response    slo.Table            // initial response targets by priority
	Features    entitlement.Features // languages, channels and services
	Price       *entitlement.Price   // nil when the catalog gives no price
	Source      string               // where the tier's numbers come from
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

func cloneFeatures(f entitlement.Features) entitlement.Features {
	return entitlement.Features{
		Languages: append([]string(nil), f.Languages...),
		Channels:  append([]string(nil), f.Channels...),
		Services:  append([]string(nil), f.Services...),
	}
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
