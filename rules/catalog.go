package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
)

// The parsed, not yet cross-checked, contents of catalog files. Every
// definition keeps where it was written.

type expr struct {
	src  string
	node *yaml.Node
	dec  *decoder
	at   pos
}

// A definition with errors is kept, marked broken, so that references to it
// do not add "unknown" errors on top of its own.

type calendarDef struct {
	broken bool
	id     string
	at     pos
	spec   slo.CalendarSpec
	// accountHolidays: holidays lists "account-if-any" (the country given
	// with each case, if any) or "account" (accountRequired: the country
	// each case must give); "account" wins when both are listed.
	accountHolidays, accountRequired bool
}

type targetDef struct {
	target slo.Target
	at     pos // the value, for unknown calendar errors
}

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

type refDef struct {
	id string
	at pos
}

type ruleDef struct {
	id          string
	at          pos
	description string
	when        *expr
	tiers       []refDef
	priorities  []slo.Priority
	within      time.Duration
	calendar    *refDef
}

type grantDef struct {
	at       pos
	from     *expr // CEL timestamp
	until    *expr // CEL timestamp, optional
	features entitlement.Features
}

type migrationDef struct {
	id             string
	at             pos
	description    string
	applies        *expr
	effective      *expr
	holdPriceUntil *expr
	to             []refDef
	grants         []grantDef
	keep           entitlement.Features
}

type permissionDef struct {
	action      string
	at          pos
	description string
	allow       *expr
}

type catalogFile struct {
	calendars   []*calendarDef
	tiers       []*tierDef
	rules       []*ruleDef
	migrations  []*migrationDef
	permissions []*permissionDef
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

var (
	topKeys        = []string{"version", "calendars", "tiers", "rules", "migrations", "permissions"}
	calendarKeys   = []string{"description", "zone", "hours", "holidays", "closed"}
	tierKeys       = []string{"name", "description", "aliases", "family", "legacy", "response", "languages", "channels", "services", "price", "source"}
	priceKeys      = []string{"currency", "minimum", "bands", "proration"}
	bandKeys       = []string{"upTo", "rate"}
	ruleKeys       = []string{"id", "description", "when", "tiers", "priorities", "within", "calendar"}
	migrationKeys  = []string{"description", "applies", "effective", "to", "holdPriceUntil", "grants", "keep"}
	grantKeys      = []string{"from", "until", "languages", "channels", "services"}
	featureKeys    = []string{"languages", "channels", "services"}
	permissionKeys = []string{"description", "allow"}
)

// parseFile reads one catalog document.
func (d *decoder) parseFile() *catalogFile {
	root := d.parseDocument()
	if root == nil {
		return nil
	}
	cf := &catalogFile{}
	for _, f := range d.mapping(root, "", topKeys) {
		switch f.key {
		case "version":
			if v, ok := d.scalar(f); ok && v != "1" {
				d.fail(f.vn, f.path, nil, "unsupported format version %q (want 1)", v)
			}
		case "calendars":
			cf.calendars = parseEach(d.mapping(f.vn, f.path, nil), d.parseCalendar)
		case "tiers":
			cf.tiers = parseEach(d.mapping(f.vn, f.path, nil), d.parseTier)
		case "rules":
			cf.rules = parseEach(d.list(f), d.parseRule)
		case "migrations":
			cf.migrations = parseEach(d.mapping(f.vn, f.path, nil), d.parseMigration)
		case "permissions":
			cf.permissions = parseEach(d.mapping(f.vn, f.path, nil), d.parsePermission)
		}
	}
	return cf
}

// parseEach parses every entry of a section, keeping the definitions parse
// returns (it returns nil for an entry too broken to keep).
func parseEach[E, T any](entries []E, parse func(E) *T) []*T {
	var out []*T
	for _, e := range entries {
		if def := parse(e); def != nil {
			out = append(out, def)
		}
	}
	return out
}

func (d *decoder) checkID(f field, what string) bool {
	if !idPattern.MatchString(f.key) {
		d.fail(f.kn, f.path, nil, "invalid %s id %q: use lowercase letters, digits, '-', '_' and '.'", what, f.key)
		return false
	}
	return true
}

func (d *decoder) parseCalendar(f field) *calendarDef {
	if !d.checkID(f, "calendar") {
		return nil
	}
	if f.key == slo.AlwaysOpenName {
		d.fail(f.kn, f.path, nil, "calendar %q is built in and cannot be redefined", f.key)
		return nil
	}
	cd := &calendarDef{id: f.key, at: d.at(f.kn, f.path), spec: slo.CalendarSpec{Name: f.key}}
	fields := d.mapping(f.vn, f.path, calendarKeys)
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		if f.vn == nil || f.vn.Tag == "!!null" {
			d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping with zone and hours")
		}
		cd.broken = true
		return cd
	}
	ok := d.require(f.kn, f.path, fields, "zone", "hours")
	for _, c := range fields {
		switch c.key {
		case "zone":
			z, good := d.str(c)
			if !good {
				ok = false
				continue
			}
			if z != "account" {
				if _, err := loadZone(z); err != nil {
					d.fail(c.vn, c.path, err, "unknown time zone %q", z)
					ok = false
					continue
				}
			}
			cd.spec.Zone = z
		case "hours":
			if !d.parseHours(c, &cd.spec.Week) {
				ok = false
			}
		case "holidays":
			for i, code := range d.strings(c) {
				if code == AccountCountry || code == AccountCountryIfAny {
					cd.accountHolidays = true
					cd.accountRequired = cd.accountRequired || code == AccountCountry
					continue
				}
				if !slices.Contains(slo.HolidayCountries(), code) {
					d.fail(c.vn.Content[i], index(c.path, i), nil, "unknown holiday country %q (known: %s; %s for the country each case must give, %s for the country a case may give)", code, strings.Join(slo.HolidayCountries(), ", "), AccountCountry, AccountCountryIfAny)
					ok = false
					continue
				}
				cd.spec.Holidays = append(cd.spec.Holidays, code)
			}
		case "closed":
			for _, it := range d.list(c) {
				date, good := parsed(d, it.field(c), slo.ParseDate)
				if !good {
					ok = false
					continue
				}
				cd.spec.Closed = append(cd.spec.Closed, date)
			}
		}
	}
	cd.broken = !ok
	return cd
}

var dayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// parseHours fills week from "days: spans" entries and reports overlaps
// between entries naming the same day.
func (d *decoder) parseHours(f field, week *slo.Week) bool {
	entries := d.mapping(f.vn, f.path, nil)
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		if f.vn == nil || f.vn.Tag == "!!null" {
			d.fail(orNode(f.vn, f.kn), f.path, nil, "must map days to opening hours, e.g. mon-fri: \"09:00-17:00\"")
		}
		return false
	}
	if len(entries) == 0 {
		d.fail(f.vn, f.path, nil, "no opening hours: the calendar would never open")
		return false
	}
	ok := true
	var from [7]string // which entry set each day, for messages
	for _, e := range entries {
		days, err := slo.ParseDays(e.key)
		if err != nil {
			d.fail(e.kn, e.path, err, "%v", err)
			ok = false
			continue
		}
		spans, good := parsed(d, e, slo.ParseSpans)
		if !good {
			ok = false
			continue
		}
		for _, day := range days {
			for _, sp := range spans {
				for _, other := range week[day] {
					if sp.Start < other.End && other.Start < sp.End {
						d.fail(e.kn, e.path, slo.ErrInvalidCalendar, "%s on %s overlaps hours.%s", formatSpan(sp), dayNames[day], from[day])
						ok = false
					}
				}
			}
			if !ok {
				continue
			}
			week[day] = append(week[day], spans...)
			from[day] = e.key
		}
	}
	return ok
}

func formatSpan(s slo.Span) string {
	hm := func(d time.Duration) string { return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60) }
	return hm(s.Start) + "-" + hm(s.End)
}

func (d *decoder) parseTier(f field) *tierDef {
	if !d.checkID(f, "tier") {
		return nil
	}
	td := &tierDef{id: f.key, at: d.at(f.kn, f.path)}
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping with name and response")
		td.broken = true
		return td
	}
	fields := d.mapping(f.vn, f.path, tierKeys)
	ok := d.require(f.kn, f.path, fields, "name", "response")
	for _, c := range fields {
		switch c.key {
		case "name":
			td.name, _ = d.str(c)
		case "description":
			td.description, _ = d.scalar(c)
		case "source":
			td.source, _ = d.scalar(c)
		case "family":
			td.family, _ = d.str(c)
		case "legacy":
			td.legacy, _ = d.boolean(c)
		case "aliases":
			for _, it := range d.list(c) {
				s, good := d.str(it.field(c))
				if !good {
					continue
				}
				if !idPattern.MatchString(s) {
					d.fail(it.n, it.path, nil, "invalid alias %q: use lowercase letters, digits, '-', '_' and '.'", s)
					continue
				}
				td.aliases = append(td.aliases, s)
				td.aliasAt = append(td.aliasAt, d.at(it.n, it.path))
			}
		case "response":
			rows := d.mapping(c.vn, c.path, nil)
			if c.vn == nil || c.vn.Kind != yaml.MappingNode {
				if c.vn == nil || c.vn.Tag == "!!null" {
					d.fail(orNode(c.vn, c.kn), c.path, nil, "must map priorities P1-P4 to targets, e.g. P1: 1h 24x7")
				}
				ok = false
				continue
			}
			if len(rows) == 0 {
				d.fail(c.vn, c.path, nil, "no response targets")
				ok = false
			}
			for _, r := range rows {
				p, err := slo.ParsePriority(r.key)
				if err != nil {
					d.fail(r.kn, r.path, err, "%v", err)
					ok = false
					continue
				}
				if td.response[p] != nil {
					d.fail(r.kn, r.path, nil, "duplicate target for %s", p)
					ok = false
					continue
				}
				t, good := parsed(d, r, slo.ParseTarget)
				if !good {
					ok = false
					continue
				}
				td.response[p] = &targetDef{target: t, at: d.at(r.vn, r.path)}
			}
		case "languages":
			td.features.Languages = d.strings(c)
		case "channels":
			td.features.Channels = d.strings(c)
		case "services":
			td.features.Services = d.strings(c)
		case "price":
			td.price = d.parsePrice(c)
		}
	}
	td.broken = !ok
	return td
}
