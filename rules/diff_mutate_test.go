package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// A mutation changes one key of a generated catalog, at a random place,
// and reports whether it found a place to change. The catalog may then not
// compile; the soundness test skips those.
type mutation func(c *gCat, r *rand.Rand) bool

// someOf returns a random key and value of m, and false for an empty map.
func someOf[T any](r *rand.Rand, m map[string]T) (string, T, bool) {
	var zero T
	if len(m) == 0 {
		return "", zero, false
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	k := pick(r, keys)
	return k, m[k], true
}

// other returns a value of pool other than v, or v when there is none.
func other[T comparable](r *rand.Rand, pool []T, v T) T {
	for range 8 {
		if w := pick(r, pool); w != v {
			return w
		}
	}
	return v
}

// otherList returns a list of pool other than v.
func otherList(r *rand.Rand, pool [][]string, v []string) []string {
	for range 8 {
		if w := pick(r, pool); !slices.Equal(w, v) {
			return w
		}
	}
	return v
}

// toggle changes a list: a new random subset, or nil.
func toggle(r *rand.Rand, pool, v []string) []string {
	for range 8 {
		if w := subset(r, pool); !slices.Equal(w, v) {
			return w
		}
	}
	return nil
}

func onTier(f func(c *gCat, t *gTier, r *rand.Rand) bool) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		_, t, ok := someOf(r, c.Tiers)
		return ok && f(c, t, r)
	}
}

func onCal(f func(cal *gCal, r *rand.Rand)) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		_, cal, ok := someOf(r, c.Calendars)
		if ok {
			f(cal, r)
		}
		return ok
	}
}

func onRule(f func(c *gCat, rl *gRule, r *rand.Rand)) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		if len(c.Rules) == 0 {
			return false
		}
		f(c, pick(r, c.Rules), r)
		return true
	}
}

func onMigration(f func(c *gCat, m *gMigration, r *rand.Rand) bool) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		_, m, ok := someOf(r, c.Migrations)
		return ok && f(c, m, r)
	}
}

func onGrant(f func(g *gGrant, r *rand.Rand)) mutation {
	return onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
		if len(m.Grants) == 0 {
			m.Grants = []*gGrant{randomGrant(r)}
		}
		f(pick(r, m.Grants), r)
		return true
	})
}

func onKeep(f func(k *gFeatures, r *rand.Rand)) mutation {
	return onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
		if m.Keep == nil {
			m.Keep = &gFeatures{}
		}
		f(m.Keep, r)
		return true
	})
}

// onPrice changes a price of a tier that has one: its single price or one
// of its versions.
func onPrice(versions bool, f func(p *gPrice, r *rand.Rand)) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		var prices []*gPrice
		for _, id := range c.tierIDs() {
			t := c.Tiers[id]
			switch {
			case versions:
				prices = append(prices, t.Prices...)
			case t.Price != nil:
				prices = append(prices, t.Price)
			}
		}
		if len(prices) == 0 {
			return false
		}
		f(pick(r, prices), r)
		return true
	}
}

func onBand(versions bool, f func(b *gBand, last bool, r *rand.Rand)) mutation {
	return onPrice(versions, func(p *gPrice, r *rand.Rand) {
		i := r.IntN(len(p.Bands))
		f(p.Bands[i], i == len(p.Bands)-1, r)
	})
}

func onSetting(f func(s *gSetting, r *rand.Rand)) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		if c.Lifecycle == nil {
			c.Lifecycle = &gLifecycle{}
		}
		if c.Lifecycle.Metrics == nil {
			c.Lifecycle.Metrics = map[string]*gSetting{}
		}
		m := pick(r, c.metricNames())
		if r.IntN(2) == 0 {
			m = pick(r, []string{"resolution", "update"}) // the metrics that pause by default
		}
		if c.Lifecycle.Metrics[m] == nil {
			c.Lifecycle.Metrics[m] = &gSetting{}
		}
		f(c.Lifecycle.Metrics[m], r)
		return true
	}
}

func onLifecycle(f func(lc *gLifecycle, r *rand.Rand)) mutation {
	return func(c *gCat, r *rand.Rand) bool {
		if c.Lifecycle == nil {
			c.Lifecycle = &gLifecycle{}
		}
		f(c.Lifecycle, r)
		return true
	}
}

func onTargets(get func(t *gTier) *map[string]string) mutation {
	return onTier(func(c *gCat, t *gTier, r *rand.Rand) bool {
		m := get(t)
		if *m == nil || r.IntN(4) == 0 {
			*m = c.targets(r, true)
			return true
		}
		p := pick(r, poolPriorities)
		if _, has := (*m)[p]; has && len(*m) > 1 && r.IntN(3) == 0 {
			delete(*m, p)
		} else {
			(*m)[p] = other(r, []string{c.target(r), c.target(r), c.target(r)}, (*m)[p])
		}
		return true
	})
}

// priceMutations are the mutations of the keys of a price, under prefix
// ("tiers.*.price" or "tiers.*.prices[]").
func priceMutations(prefix string, versions bool) map[string]mutation {
	currency := onPrice(versions, func(p *gPrice, r *rand.Rand) { p.Currency = other(r, []string{"USD", "EUR", "JPY"}, p.Currency) })
	if versions { // every version of a tier is in one currency
		currency = onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			cur := other(r, []string{"EUR", "JPY"}, "")
			for _, p := range t.Prices {
				p.Currency = cur
			}
			return len(t.Prices) > 0
		})
	}
	return map[string]mutation{
		prefix + ".currency": currency,
		prefix + ".minimum":  onPrice(versions, func(p *gPrice, r *rand.Rand) { p.Minimum = other(r, poolAmounts, p.Minimum) }),
		prefix + ".maximum": onPrice(versions, func(p *gPrice, r *rand.Rand) {
			p.Maximum = other(r, []string{"", "20000", "900000", "5000000"}, p.Maximum)
		}),
		prefix + ".model":     onPrice(versions, func(p *gPrice, r *rand.Rand) { p.Model = other(r, poolModels, p.Model) }),
		prefix + ".proration": onPrice(versions, func(p *gPrice, r *rand.Rand) { p.Proration = other(r, poolProrations, p.Proration) }),
		prefix + ".bands":     onPrice(versions, func(p *gPrice, r *rand.Rand) { p.Bands = randomBands(r) }),
		prefix + ".bands[].rate": onBand(versions, func(b *gBand, _ bool, r *rand.Rand) {
			b.Rate = other(r, poolRates, b.Rate)
		}),
		prefix + ".bands[].flat": onBand(versions, func(b *gBand, _ bool, r *rand.Rand) {
			b.Flat = other(r, poolAmounts, b.Flat)
		}),
		prefix + ".bands[].upTo": onBand(versions, func(b *gBand, last bool, r *rand.Rand) {
			if !last {
				b.UpTo = fmt.Sprint(r.IntN(300000) + 1)
			}
		}),
	}
}

// mutations are the mutation kinds, by the schema key they change
// (catalog.schema.json's keys: "tiers.*.languages", "rules[].within").
func mutations() map[string]mutation {
	ms := map[string]mutation{
		"version": func(c *gCat, r *rand.Rand) bool { c.Version = other(r, []string{"", "1"}, c.Version); return true },
		"billing": func(c *gCat, r *rand.Rand) bool { c.Billing = nil; return true },
		"billing.priceVersion": func(c *gCat, r *rand.Rand) bool {
			c.Billing = &gBilling{PriceVersion: other(r, []string{"contract", "billed"}, billingOf(c))}
			return true
		},
		"calendars": func(c *gCat, r *rand.Rand) bool {
			if c.Calendars == nil {
				c.Calendars = map[string]*gCal{}
			}
			c.Calendars[fmt.Sprintf("c%d", 5+r.IntN(5))] = randomCal(r)
			return true
		},
		"calendars.*.closed":      onCal(func(cal *gCal, r *rand.Rand) { cal.Closed = otherList(r, poolClosed, cal.Closed) }),
		"calendars.*.description": onCal(func(cal *gCal, r *rand.Rand) { cal.Description = other(r, poolTexts, cal.Description) }),
		"calendars.*.holidays":    onCal(func(cal *gCal, r *rand.Rand) { cal.Holidays = otherList(r, poolHolidays, cal.Holidays) }),
		"calendars.*.hours":       onCal(func(cal *gCal, r *rand.Rand) { cal.Hours = pick(r, poolHours) }),
		"calendars.*.zone":        onCal(func(cal *gCal, r *rand.Rand) { cal.Zone = other(r, poolZones, cal.Zone) }),
		"tiers": func(c *gCat, r *rand.Rand) bool {
			c.Tiers[fmt.Sprintf("t%d", 5+r.IntN(5))] = c.randomTier(r, 5)
			return true
		},
		"tiers.*.aliases": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			t.Aliases = toggle(r, []string{"x", "y"}, t.Aliases)
			return true
		}),
		"tiers.*.channels": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			t.Channels = toggle(r, poolChannels, t.Channels)
			return true
		}),
		"tiers.*.languages": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			t.Languages = toggle(r, poolWords, t.Languages)
			return true
		}),
		"tiers.*.services": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			t.Services = toggle(r, poolServices, t.Services)
			return true
		}),
		"tiers.*.description": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool {
			t.Description = other(r, poolTexts, t.Description)
			return true
		}),
		"tiers.*.source":             onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { t.Source = other(r, poolTexts, t.Source); return true }),
		"tiers.*.name":               onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { t.Name += "x"; return true }),
		"tiers.*.family":             onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { t.Family = other(r, poolFamilies, t.Family); return true }),
		"tiers.*.legacy":             onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { t.Legacy = !t.Legacy; return true }),
		"tiers.*.response":           onTargets(func(t *gTier) *map[string]string { return &t.Response }),
		"tiers.*.nextReply":          onTargets(func(t *gTier) *map[string]string { return &t.NextReply }),
		"tiers.*.update":             onTargets(func(t *gTier) *map[string]string { return &t.Update }),
		"tiers.*.resolution":         onTargets(func(t *gTier) *map[string]string { return &t.Resolution }),
		"tiers.*.price":              onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { t.Price, t.Prices = randomPrice(r), nil; return true }),
		"tiers.*.prices":             onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { return versionsMutation(t, r) }),
		"tiers.*.prices[].effective": onTier(func(_ *gCat, t *gTier, r *rand.Rand) bool { return effectiveMutation(t, r) }),
		"rules":                      func(c *gCat, r *rand.Rand) bool { return rulesMutation(c, r) },
		"rules[].id":                 onRule(func(_ *gCat, rl *gRule, r *rand.Rand) { rl.ID += "x" }),
		"rules[].description":        onRule(func(_ *gCat, rl *gRule, r *rand.Rand) { rl.Description = other(r, poolTexts, rl.Description) }),
		"rules[].when":               onRule(func(_ *gCat, rl *gRule, r *rand.Rand) { rl.When = other(r, poolWhen, rl.When) }),
		"rules[].metric": onRule(func(_ *gCat, rl *gRule, r *rand.Rand) {
			rl.Metric = other(r, append([]string{""}, poolMetrics...), rl.Metric)
		}),
		"rules[].tiers":      onRule(func(c *gCat, rl *gRule, r *rand.Rand) { rl.Tiers = toggle(r, c.tierIDs(), rl.Tiers) }),
		"rules[].priorities": onRule(func(_ *gCat, rl *gRule, r *rand.Rand) { rl.Priorities = toggle(r, poolPriorities, rl.Priorities) }),
		"rules[].within": onRule(func(_ *gCat, rl *gRule, r *rand.Rand) {
			rl.Within = other(r, append([]string{""}, poolWithin...), rl.Within)
		}),
		"rules[].calendar": onRule(func(c *gCat, rl *gRule, r *rand.Rand) {
			rl.Calendar = other(r, append([]string{""}, c.calendarIDs()...), rl.Calendar)
		}),
		"migrations": func(c *gCat, r *rand.Rand) bool { return migrationsMutation(c, r) },
		"migrations.*.description": onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
			m.Description = other(r, poolTexts, m.Description)
			return true
		}),
		"migrations.*.applies": onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
			m.Applies = other(r, poolApplies, m.Applies)
			return true
		}),
		"migrations.*.effective": onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
			m.Effective = other(r, poolInstants, m.Effective)
			return true
		}),
		"migrations.*.holdPriceUntil": onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
			m.HoldPriceUntil = other(r, append([]string{""}, poolInstants...), m.HoldPriceUntil)
			return true
		}),
		"migrations.*.to": onMigration(func(c *gCat, m *gMigration, r *rand.Rand) bool {
			if to := toggle(r, c.tierIDs(), m.To); len(to) > 0 {
				m.To = to
			}
			return true
		}),
		"migrations.*.grants": onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool {
			if len(m.Grants) > 0 && r.IntN(2) == 0 {
				m.Grants = nil
			} else {
				m.Grants = append(m.Grants, randomGrant(r))
			}
			return true
		}),
		"migrations.*.grants[].from":      onGrant(func(g *gGrant, r *rand.Rand) { g.From = other(r, poolInstants, g.From) }),
		"migrations.*.grants[].until":     onGrant(func(g *gGrant, r *rand.Rand) { g.Until = other(r, append([]string{""}, poolInstants...), g.Until) }),
		"migrations.*.grants[].languages": onGrant(func(g *gGrant, r *rand.Rand) { g.Languages = toggle(r, poolWords, g.Languages) }),
		"migrations.*.grants[].channels":  onGrant(func(g *gGrant, r *rand.Rand) { g.Channels = toggle(r, poolChannels, g.Channels) }),
		"migrations.*.grants[].services":  onGrant(func(g *gGrant, r *rand.Rand) { g.Services = toggle(r, poolServices, g.Services) }),
		"migrations.*.keep":               onMigration(func(_ *gCat, m *gMigration, r *rand.Rand) bool { m.Keep = nil; return true }),
		"migrations.*.keep.languages":     onKeep(func(k *gFeatures, r *rand.Rand) { k.Languages = toggle(r, poolWords, k.Languages) }),
		"migrations.*.keep.channels":      onKeep(func(k *gFeatures, r *rand.Rand) { k.Channels = toggle(r, poolChannels, k.Channels) }),
		"migrations.*.keep.services":      onKeep(func(k *gFeatures, r *rand.Rand) { k.Services = toggle(r, poolServices, k.Services) }),
		"permissions": func(c *gCat, r *rand.Rand) bool {
			if c.Permissions == nil {
				c.Permissions = map[string]*gPermission{}
			}
			c.Permissions["cases.close"] = &gPermission{Allow: pick(r, poolAllow)}
			return true
		},
		"permissions.*.allow": func(c *gCat, r *rand.Rand) bool {
			_, p, _ := someOf(r, c.Permissions)
			p.Allow = other(r, poolAllow, p.Allow)
			return true
		},
		"permissions.*.description": func(c *gCat, r *rand.Rand) bool {
			_, p, _ := someOf(r, c.Permissions)
			p.Description = other(r, poolTexts, p.Description)
			return true
		},
		"lifecycle": func(c *gCat, r *rand.Rand) bool {
			c.Lifecycle = other(r, []*gLifecycle{nil, randomLifecycle(r)}, c.Lifecycle)
			return true
		},
		"lifecycle.solved":  onLifecycle(func(lc *gLifecycle, r *rand.Rand) { lc.Solved = otherList(r, poolStatuses, lc.Solved) }),
		"lifecycle.waiting": onLifecycle(func(lc *gLifecycle, r *rand.Rand) { lc.Waiting = otherList(r, poolStatuses, lc.Waiting) }),
		"lifecycle.tierChange": onLifecycle(func(lc *gLifecycle, r *rand.Rand) {
			lc.TierChange = other(r, []string{"", "fixed", "reevaluate"}, lc.TierChange)
		}),
		"lifecycle.metrics":   onLifecycle(func(lc *gLifecycle, r *rand.Rand) { lc.Metrics = nil }),
		"lifecycle.metrics.*": onSetting(func(s *gSetting, r *rand.Rand) { *s = *randomSetting(r) }),
		"lifecycle.metrics.*.priorityChange": onSetting(func(s *gSetting, r *rand.Rand) {
			s.PriorityChange = other(r, []string{"", "retarget", "restart"}, s.PriorityChange)
		}),
		"lifecycle.metrics.*.reopen": onSetting(func(s *gSetting, r *rand.Rand) { s.Reopen = other(r, []string{"", "new", "continue"}, s.Reopen) }),
		"lifecycle.metrics.*.keepPauses": onSetting(func(s *gSetting, r *rand.Rand) {
			keep := s.KeepPauses != nil && !*s.KeepPauses // unset is true
			s.KeepPauses = &keep
		}),
	}
	for _, cond := range condNames {
		ms["lifecycle.metrics.*."+cond] = onSetting(func(s *gSetting, r *rand.Rand) {
			f := map[string]*string{"start": &s.Start, "stop": &s.Stop, "pause": &s.Pause, "resume": &s.Resume, "reset": &s.Reset}[cond]
			*f = other(r, poolEventConds, *f)
		})
	}
	ms["tiers.*.*"] = onTier(func(c *gCat, t *gTier, r *rand.Rand) bool { // a declared metric's targets
		if !c.declares() {
			c.declare(r)
			return true
		}
		if t.Declared != nil && r.IntN(3) == 0 {
			t.Declared = nil
		} else {
			t.Declared = map[string]map[string]string{declaredMetric: c.targets(r, true)}
		}
		return true
	})
	ms["calendars.*.ics"] = onCal(func(cal *gCal, r *rand.Rand) { cal.ICS = other(r, []string{"", "shutdown.ics", "summer.ics"}, cal.ICS) })
	ms["priorities"] = func(c *gCat, r *rand.Rand) bool {
		if c.Priorities != nil {
			c.Priorities = nil
		} else {
			c.Priorities = map[string]string{"P1": "critical impact"}
		}
		return true
	}
	for _, p := range poolPriorities {
		ms["priorities."+p] = func(c *gCat, r *rand.Rand) bool {
			if c.Priorities == nil {
				c.Priorities = map[string]string{}
			}
			c.Priorities[p] = other(r, []string{"critical impact", "high impact", "low"}, c.Priorities[p])
			return true
		}
	}
	for k, m := range priceMutations("tiers.*.price", false) {
		ms[k] = m
	}
	for k, m := range priceMutations("tiers.*.prices[]", true) {
		ms[k] = m
	}
	return ms
}

func billingOf(c *gCat) string {
	if c.Billing == nil {
		return "contract"
	}
	return c.Billing.PriceVersion
}

// versionsMutation adds, removes or replaces a tier's price versions.
func versionsMutation(t *gTier, r *rand.Rand) bool {
	switch {
	case len(t.Prices) > 1 && r.IntN(2) == 0:
		i := r.IntN(len(t.Prices))
		t.Prices = slices.Delete(t.Prices, i, i+1)
	default:
		p := randomPrice(r)
		p.Effective = pick(r, poolEffective)
		t.Prices = append(t.Prices, p)
		slices.SortFunc(t.Prices, func(a, b *gPrice) int { return strings.Compare(a.Effective, b.Effective) })
		t.Price = nil
	}
	return true
}

// rulesMutation adds, removes or moves a rule.
func rulesMutation(c *gCat, r *rand.Rand) bool {
	switch {
	case len(c.Rules) > 1 && r.IntN(3) == 0:
		i, j := r.IntN(len(c.Rules)), r.IntN(len(c.Rules))
		c.Rules[i], c.Rules[j] = c.Rules[j], c.Rules[i]
	case len(c.Rules) > 0 && r.IntN(2) == 0:
		i := r.IntN(len(c.Rules))
		c.Rules = slices.Delete(c.Rules, i, i+1)
	default:
		rl := c.randomRule(r, 9)
		i := r.IntN(len(c.Rules) + 1)
		c.Rules = slices.Insert(c.Rules, i, rl)
	}
	return true
}

// migrationsMutation adds or removes a migration.
func migrationsMutation(c *gCat, r *rand.Rand) bool {
	if len(c.Migrations) > 0 && r.IntN(2) == 0 {
		c.Migrations = nil
		return true
	}
	if c.Migrations == nil {
		c.Migrations = map[string]*gMigration{}
	}
	c.Migrations[fmt.Sprintf("m%d", 1+r.IntN(3))] = c.randomMigration(r)
	return true
}

// effectiveMutation moves a price version's date by a few days, keeping
// the versions ascending.
func effectiveMutation(t *gTier, r *rand.Rand) bool {
	if len(t.Prices) == 0 {
		return false
	}
	i := r.IntN(len(t.Prices))
	d, err := time.Parse(time.DateOnly, t.Prices[i].Effective)
	if err != nil {
		return false
	}
	d = d.AddDate(0, 0, pick(r, []int{-20, -1, 1, 45}))
	t.Prices[i].Effective = d.Format(time.DateOnly)
	return true
}
