package rules

import (
	"encoding/binary"
	"slices"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// The keys of a tiers entry: its description, features and price
// (tierFixedKeys), and the targets of each metric, under the metric's name.
var (
	tierHeadKeys  = []string{"name", "description", "aliases", "family", "legacy"}
	tierTailKeys  = []string{"languages", "channels", "services", "price", "prices", "source"}
	tierFixedKeys = slices.Concat(tierHeadKeys, tierTailKeys)
	tierKeys      = tierKeysWith(builtinSet) // of a catalog that declares no metric
)

// tierKeysWith returns the keys of a tiers entry in a catalog of the
// metrics ms.
func tierKeysWith(ms metricSet) []string { return slices.Concat(tierHeadKeys, ms, tierTailKeys) }

// tierDef is a tiers entry as written.
type tierDef struct {
	broken      bool
	id          string
	at          pos
	name        string
	description string
	family      string
	legacy      bool
	aliases     []string
	aliasAt     []pos
	objectives  []objectiveDef // by metric
	features    entitlement.Features
	price       *billing.Price
	prices      billing.PriceBook
	priceAt     []versionAt // where each of prices is written, for Coverage
	source      string
}

func (d *decoder) parseTier(f field) *tierDef {
	if !d.checkID(f, "tier") {
		return nil
	}
	td := &tierDef{id: f.Key, at: d.At(f.KeyNode, f.Path), objectives: make([]objectiveDef, len(d.metrics))}
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with name and response")
		td.broken = true
		return td
	}
	fields := d.Mapping(f.Value, f.Path, d.tierKeys)
	ok := d.Require(f.KeyNode, f.Path, fields, "name", "response")
	d.features(fields, &td.features)
	for _, c := range fields {
		switch c.Key {
		case "name":
			td.name, _ = d.Str(c)
		case "description":
			td.description, _ = d.Scalar(c)
		case "source":
			td.source, _ = d.Scalar(c)
		case "family":
			td.family, _ = d.Str(c)
		case "legacy":
			td.legacy, _ = d.Boolean(c)
		case "aliases":
			d.parseAliases(c, td)
		case "price":
			d.versions = nil
			td.price = d.parsePrice(c)
			td.priceAt = d.versions
		case "prices":
			d.versions = nil
			td.prices = d.parsePrices(c)
			td.priceAt = d.versions
		default:
			if m, err := d.metrics.parse(c.Key); err == nil {
				ok = d.parseObjective(c, d.metrics[m], &td.objectives[m]) && ok
			}
		}
	}
	td.broken = !ok
	d.priceBook(f, fields, td)
	return td
}

// priceBook settles a tier's price versions: prices as written, or the
// single price as a version in force since always; price is then the
// newest version, the one Quote prices. Writing both is an error.
func (d *decoder) priceBook(f field, fields []field, td *tierDef) {
	i := slices.IndexFunc(fields, func(c field) bool { return c.Key == "price" })
	j := slices.IndexFunc(fields, func(c field) bool { return c.Key == "prices" })
	switch {
	case i >= 0 && j >= 0:
		later := fields[max(i, j)]
		d.Fail(later.KeyNode, later.Path, nil, "a tier has either price or prices (versions with effective dates), not both")
		td.price, td.prices = nil, nil
	case td.prices != nil:
		td.price = &td.prices[len(td.prices)-1].Price
	case td.price != nil:
		td.prices = billing.PriceBook{{Price: *td.price}}
	}
}

// parseAliases reads a tier's aliases.
func (d *decoder) parseAliases(c field, td *tierDef) {
	for _, it := range d.List(c) {
		s, good := d.Str(it.Field(c))
		if !good {
			continue
		}
		if !validID(s) {
			d.Fail(it.Node, it.Path, nil, "invalid alias %q: use lowercase letters, digits, '-', '_' and '.'", s)
			continue
		}
		td.aliases = append(td.aliases, s)
		td.aliasAt = append(td.aliasAt, d.At(it.Node, it.Path))
	}
}

// tier is a compiled tiers entry.
type tier struct {
	id, name, description, family, source string
	legacy                                bool
	aliases                               []string
	objectives                            []objective // by metric
	features                              entitlement.Features
	price                                 *billing.Price // the newest of prices; nil when the catalog gives none
	prices                                billing.PriceBook
	priceAt                               []versionAt // where each of prices is written; nil when unknown
	cel                                   *celTier
}

// compileTiers checks that tier ids and aliases are unique across files
// (one namespace) and compiles each tier's objectives. It returns the tiers
// by id and by alias, and their ids in catalog order.
func (c *compiler) compileTiers(defs []*tierDef, ms metricSet, calendarKnown func(string) bool) (map[string]*tier, []string) {
	tiers := map[string]*tier{}
	var ids []string
	nameAt := map[string]pos{}
	for _, td := range defs {
		if !c.claim(nameAt, "tier", td.id, td.at) {
			continue
		}
		t := &tier{
			id: td.id, name: td.name, description: td.description, family: td.family,
			legacy: td.legacy, aliases: td.aliases, features: td.features, price: td.price, prices: td.prices, source: td.source,
			priceAt: td.priceAt,
		}
		t.objectives = make([]objective, len(ms))
		for m := range td.objectives {
			t.objectives[m] = c.compileObjective(t.id, ms[m], &td.objectives[m], calendarKnown)
		}
		t.cel = &celTier{ID: t.id, Name: t.name, Family: t.family, Legacy: t.legacy, Aliases: orEmpty(t.aliases),
			Languages: orEmpty(t.features.Languages), Channels: orEmpty(t.features.Channels), Services: orEmpty(t.features.Services)}
		tiers[td.id] = t
		ids = append(ids, td.id)
	}
	for _, td := range defs {
		for i, a := range td.aliases {
			if prev, dup := nameAt[a]; dup {
				c.add(td.aliasAt[i].Errorf(nil, "alias %q clashes with the tier or alias at %s", a, prev.Short()))
				continue
			}
			nameAt[a] = td.aliasAt[i]
			if t := tiers[td.id]; t != nil {
				tiers[a] = t
			}
		}
	}
	return tiers, ids
}

// chainRules gives every tier, metric and priority the first-match chain of
// the rules that can apply to it. A chain is the list of its rules'
// programs, each compiled once, so compiling grows with the catalog's size,
// not with tiers × priorities × rule text; identical chains share one
// decision. A chain whose rules together may cost more than the runtime
// limit it runs under is an error at the rule that pushes it over, reported
// once.
func (c *compiler) chainRules(ids []string, tiers map[string]*tier, rules []*rule) {
	shared := map[string]*decision{}
	reported := map[*rule]bool{}
	var key []byte
	var chain []*rule
	byMetric := map[metric][]int{} // the rules of each metric, by index
	for i, r := range rules {
		byMetric[r.metric] = append(byMetric[r.metric], i)
	}
	for _, id := range ids {
		t := tiers[id]
		for m := range t.objectives {
			for p := slo.P1; p <= slo.P4; p++ {
				key, chain = key[:0], chain[:0]
				for _, i := range byMetric[metric(m)] {
					if r := rules[i]; r.appliesTo(t.id, metric(m), p) {
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
				t.objectives[m].decide[p] = d
			}
		}
	}
}

// Tier describes one tier of the catalog.
type Tier struct {
	ID          string
	Name        string
	Description string
	Family      string
	Legacy      bool
	Aliases     []string
	// Targets are the tier's targets by metric name (see BuiltinMetrics
	// and Engine.Metrics), each by priority: "response" always (the initial
	// response), and each other metric the tier promises; a metric it
	// promises none of is absent.
	Targets  map[string]slo.Table
	Features entitlement.Features // languages, channels and services
	Price    *billing.Price       // the newest price version (the one Quote prices); nil when the catalog gives no price
	Prices   billing.PriceBook    // every price version, ascending; nil when the catalog gives no price
	Source   string               // where the tier's numbers come from
}

func cloneFeatures(f entitlement.Features) entitlement.Features {
	return entitlement.Features{
		Languages: append([]string(nil), f.Languages...),
		Channels:  append([]string(nil), f.Channels...),
		Services:  append([]string(nil), f.Services...),
	}
}

func (d *decoder) features(fields []field, fs *entitlement.Features) {
	for _, f := range fields {
		switch f.Key {
		case "languages":
			fs.Languages = d.Strings(f)
		case "channels":
			fs.Channels = d.Strings(f)
		case "services":
			fs.Services = d.Strings(f)
		}
	}
}
