package rules

import (
	"regexp"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

func (d *decoder) expr(f field) *expr {
	s, ok := d.str(f)
	if !ok {
		return nil
	}
	if len(s) > maxExprLength {
		d.fail(f.vn, f.path, nil, "expression longer than %d bytes", maxExprLength)
		return nil
	}
	return &expr{src: s, node: f.vn, dec: d, at: d.at(f.vn, f.path)}
}

func (d *decoder) refs(f field) []refDef {
	var out []refDef
	for _, it := range d.list(f) {
		s, ok := d.str(it.field(f))
		if ok {
			out = append(out, refDef{id: s, at: d.at(it.n, it.path)})
		}
	}
	return out
}

func (d *decoder) parseRule(it item) *ruleDef {
	if it.n.Kind != yaml.MappingNode {
		d.fail(it.n, it.path, nil, "must be a mapping with id and when, got %s", kindName(it.n))
		return nil
	}
	fields := d.mapping(it.n, it.path, ruleKeys)
	rd := &ruleDef{at: d.at(it.n, it.path)}
	ok := d.require(it.n, it.path, fields, "id", "when")
	hasOutput := false
	for _, f := range fields {
		switch f.key {
		case "id":
			id, good := d.str(f)
			if good && !idPattern.MatchString(id) {
				d.fail(f.vn, f.path, nil, "invalid rule id %q: use lowercase letters, digits, '-', '_' and '.'", id)
				good = false
			}
			if !good {
				ok = false
				continue
			}
			rd.id = id
			rd.at = d.at(f.vn, f.path)
		case "description":
			rd.description, _ = d.scalar(f)
		case "when":
			if rd.when = d.expr(f); rd.when == nil {
				ok = false
			}
		case "tiers":
			rd.tiers = d.refs(f)
		case "priorities":
			for _, it := range d.list(f) {
				p, good := parsed(d, it.field(f), slo.ParsePriority)
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
			s, good := d.str(f)
			if !good {
				ok = false
				continue
			}
			rd.calendar = &refDef{id: s, at: d.at(f.vn, f.path)}
		}
	}
	if ok && !hasOutput {
		d.fail(it.n, it.path, nil, "rule %q sets nothing: give within, calendar or both", rd.id)
		ok = false
	}
	if !ok {
		return nil
	}
	return rd
}

func (d *decoder) features(fields []field, fs *entitlement.Features) {
	for _, f := range fields {
		switch f.key {
		case "languages":
			fs.Languages = d.strings(f)
		case "channels":
			fs.Channels = d.strings(f)
		case "services":
			fs.Services = d.strings(f)
		}
	}
}

func (d *decoder) parseMigration(f field) *migrationDef {
	if !d.checkID(f, "migration") {
		return nil
	}
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping with applies, effective and to")
		return nil
	}
	md := &migrationDef{id: f.key, at: d.at(f.kn, f.path)}
	fields := d.mapping(f.vn, f.path, migrationKeys)
	ok := d.require(f.kn, f.path, fields, "applies", "effective", "to")
	for _, c := range fields {
		switch c.key {
		case "description":
			md.description, _ = d.scalar(c)
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
				d.fail(orNode(c.vn, c.kn), c.path, nil, "at least one target tier is required")
				ok = false
			}
		case "keep":
			d.features(d.mapping(c.vn, c.path, featureKeys), &md.keep)
		case "grants":
			for _, it := range d.list(c) {
				gf := d.mapping(it.n, it.path, grantKeys)
				if it.n.Kind != yaml.MappingNode {
					ok = false
					continue
				}
				if !d.require(it.n, it.path, gf, "from") {
					ok = false
					continue
				}
				g := grantDef{at: d.at(it.n, it.path)}
				for _, x := range gf {
					switch x.key {
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
	pd := &permissionDef{action: f.key, at: d.at(f.kn, f.path)}
	if !actionPattern.MatchString(f.key) {
		d.fail(f.kn, f.path, nil, "invalid action %q: use dotted lowercase words, e.g. cases.create", f.key)
		return nil
	}
	// Either "action: <CEL>" or "action: {allow: <CEL>, description: ...}".
	if f.vn != nil && f.vn.Kind == yaml.MappingNode {
		fields := d.mapping(f.vn, f.path, permissionKeys)
		if !d.require(f.kn, f.path, fields, "allow") {
			return nil
		}
		for _, c := range fields {
			switch c.key {
			case "description":
				pd.description, _ = d.scalar(c)
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
