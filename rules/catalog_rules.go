package rules

import (
	"regexp"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

func (d *decoder) expr(f field) *expr {
	s, ok := d.Str(f)
	if !ok {
		return nil
	}
	if len(s) > maxExprLength {
		d.Fail(f.Value, f.Path, nil, "expression longer than %d bytes", maxExprLength)
		return nil
	}
	return &expr{src: s, node: f.Value, dec: d, at: d.At(f.Value, f.Path)}
}

func (d *decoder) refs(f field) []refDef {
	var out []refDef
	for _, it := range d.List(f) {
		s, ok := d.Str(it.Field(f))
		if ok {
			out = append(out, refDef{id: s, at: d.At(it.Node, it.Path)})
		}
	}
	return out
}

func (d *decoder) parseRule(it item) *ruleDef {
	if it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be a mapping with id and when, got %s", yamlpos.KindName(it.Node))
		return nil
	}
	fields := d.Mapping(it.Node, it.Path, ruleKeys)
	rd := &ruleDef{at: d.At(it.Node, it.Path)}
	ok := d.Require(it.Node, it.Path, fields, "id", "when")
	hasOutput := false
	for _, f := range fields {
		switch f.Key {
		case "id":
			id, good := d.Str(f)
			if good && !idPattern.MatchString(id) {
				d.Fail(f.Value, f.Path, nil, "invalid rule id %q: use lowercase letters, digits, '-', '_' and '.'", id)
				good = false
			}
			if !good {
				ok = false
				continue
			}
			rd.id = id
			rd.at = d.At(f.Value, f.Path)
		case "description":
			rd.description, _ = d.Scalar(f)
		case "when":
			if rd.when = d.expr(f); rd.when == nil {
				ok = false
			}
		case "tiers":
			rd.tiers = d.refs(f)
		case "priorities":
			for _, it := range d.List(f) {
				p, good := parsed(d, it.Field(f), slo.ParsePriority)
				if !good {
					ok = false
					continue
				}
				rd.priorities = append(rd.priorities, p)
			}
		case "within":
			hasOutput = true
			dur, good := parsed(d, f, slo.ParseDuration)
			if !good {
				ok = false
				continue
			}
			rd.within = dur
		case "calendar":
			hasOutput = true
			s, good := d.Str(f)
			if !good {
				ok = false
				continue
			}
			rd.calendar = &refDef{id: s, at: d.At(f.Value, f.Path)}
		}
	}
	if ok && !hasOutput {
		d.Fail(it.Node, it.Path, nil, "rule %q sets nothing: give within, calendar or both", rd.id)
		ok = false
	}
	if !ok {
		return nil
	}
	return rd
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

func (d *decoder) parseMigration(f field) *migrationDef {
	if !d.checkID(f, "migration") {
		return nil
	}
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with applies, effective and to")
		return nil
	}
	md := &migrationDef{id: f.Key, at: d.At(f.KeyNode, f.Path)}
	fields := d.Mapping(f.Value, f.Path, migrationKeys)
	ok := d.Require(f.KeyNode, f.Path, fields, "applies", "effective", "to")
	for _, c := range fields {
		switch c.Key {
		case "description":
			md.description, _ = d.Scalar(c)
		case "applies":
			md.applies = d.expr(c)
			ok = ok && md.applies != nil
		case "effective":
			md.effective = d.expr(c)
			ok = ok && md.effective != nil
		case "holdPriceUntil":
			md.holdPriceUntil = d.expr(c)
			ok = ok && md.holdPriceUntil != nil
		case "to":
			md.to = d.refs(c)
			if len(md.to) == 0 {
				d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "at least one target tier is required")
				ok = false
			}
		case "keep":
			d.features(d.Mapping(c.Value, c.Path, featureKeys), &md.keep)
		case "grants":
			for _, it := range d.List(c) {
				gf := d.Mapping(it.Node, it.Path, grantKeys)
				if it.Node.Kind != yaml.MappingNode {
					ok = false
					continue
				}
				if !d.Require(it.Node, it.Path, gf, "from") {
					ok = false
					continue
				}
				g := grantDef{at: d.At(it.Node, it.Path)}
				for _, x := range gf {
					switch x.Key {
					case "from":
						g.from = d.expr(x)
						ok = ok && g.from != nil
					case "until":
						g.until = d.expr(x)
						ok = ok && g.until != nil
					}
				}
				d.features(gf, &g.features)
				md.grants = append(md.grants, g)
			}
		}
	}
	if !ok {
		return nil
	}
	return md
}

func (d *decoder) parsePermission(f field) *permissionDef {
	pd := &permissionDef{action: f.Key, at: d.At(f.KeyNode, f.Path)}
	if !actionPattern.MatchString(f.Key) {
		d.Fail(f.KeyNode, f.Path, nil, "invalid action %q: use dotted lowercase words, e.g. cases.create", f.Key)
		return nil
	}
	// Either "action: <CEL>" or "action: {allow: <CEL>, description: ...}".
	if f.Value != nil && f.Value.Kind == yaml.MappingNode {
		fields := d.Mapping(f.Value, f.Path, permissionKeys)
		if !d.Require(f.KeyNode, f.Path, fields, "allow") {
			return nil
		}
		for _, c := range fields {
			switch c.Key {
			case "description":
				pd.description, _ = d.Scalar(c)
			case "allow":
				pd.allow = d.expr(c)
			}
		}
	} else {
		pd.allow = d.expr(f)
	}
	if pd.allow == nil {
		return nil
	}
	return pd
}

var actionPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9_-]*(\.[a-z][a-zA-Z0-9_-]*)*$`)
