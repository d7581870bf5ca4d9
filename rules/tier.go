package rules

import (
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

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
	response    [slo.P4 + 1]*targetDef
	features    entitlement.Features
	price       *entitlement.Price
	source      string
}

func (d *decoder) parseTier(f field) *tierDef {
	if !d.checkID(f, "tier") {
		return nil
	}
	td := &tierDef{id: f.Key, at: d.At(f.KeyNode, f.Path)}
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with name and response")
		td.broken = true
		return td
	}
	fields := d.Mapping(f.Value, f.Path, tierKeys)
	ok := d.Require(f.KeyNode, f.Path, fields, "name", "response")
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
			for _, it := range d.List(c) {
				s, good := d.Str(it.Field(c))
				if !good {
					continue
				}
				if !idPattern.MatchString(s) {
					d.Fail(it.Node, it.Path, nil, "invalid alias %q: use lowercase letters, digits, '-', '_' and '.'", s)
					continue
				}
				td.aliases = append(td.aliases, s)
				td.aliasAt = append(td.aliasAt, d.At(it.Node, it.Path))
			}
		case "response":
			rows := d.Mapping(c.Value, c.Path, nil)
			if c.Value == nil || c.Value.Kind != yaml.MappingNode {
				if c.Value == nil || c.Value.Tag == "!!null" {
					d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "must map priorities P1-P4 to targets, e.g. P1: 1h 24x7")
				}
				ok = false
				continue
			}
			if len(rows) == 0 {
				d.Fail(c.Value, c.Path, nil, "no response targets")
				ok = false
			}
			for _, r := range rows {
				p, err := slo.ParsePriority(r.Key)
				if err != nil {
					d.Fail(r.KeyNode, r.Path, err, "%v", err)
					ok = false
					continue
				}
				if td.response[p] != nil {
					d.Fail(r.KeyNode, r.Path, nil, "duplicate target for %s", p)
					ok = false
					continue
				}
				t, good := parsed(d, r, slo.ParseTarget)
				if !good {
					ok = false
					continue
				}
				td.response[p] = &targetDef{target: t, at: d.At(r.Value, r.Path)}
			}
		case "languages":
			td.features.Languages = d.Strings(c)
		case "channels":
			td.features.Channels = d.Strings(c)
		case "services":
			td.features.Services = d.Strings(c)
		case "price":
			td.price = d.parsePrice(c)
		}
	}
	td.broken = !ok
	return td
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
