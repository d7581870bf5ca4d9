package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
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
	root := d.Document()
	if root == nil {
		return nil
	}
	cf := &catalogFile{}
	for _, f := range d.Mapping(root, "", topKeys) {
		switch f.Key {
		case "version":
			if v, ok := d.Scalar(f); ok && v != "1" {
				d.Fail(f.Value, f.Path, nil, "unsupported format version %q (want 1)", v)
			}
		case "calendars":
			cf.calendars = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseCalendar)
		case "tiers":
			cf.tiers = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseTier)
		case "rules":
			cf.rules = parseEach(d.List(f), d.parseRule)
		case "migrations":
			cf.migrations = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseMigration)
		case "permissions":
			cf.permissions = parseEach(d.Mapping(f.Value, f.Path, nil), d.parsePermission)
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
	if !idPattern.MatchString(f.Key) {
		d.Fail(f.KeyNode, f.Path, nil, "invalid %s id %q: use lowercase letters, digits, '-', '_' and '.'", what, f.Key)
		return false
	}
	return true
}

func (d *decoder) parseCalendar(f field) *calendarDef {
	if !d.checkID(f, "calendar") {
		return nil
	}
	if f.Key == slo.AlwaysOpenName {
		d.Fail(f.KeyNode, f.Path, nil, "calendar %q is built in and cannot be redefined", f.Key)
		return nil
	}
	cd := &calendarDef{id: f.Key, at: d.At(f.KeyNode, f.Path), spec: slo.CalendarSpec{Name: f.Key}}
	fields := d.Mapping(f.Value, f.Path, calendarKeys)
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		if f.Value == nil || f.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with zone and hours")
		}
		cd.broken = true
		return cd
	}
	ok := d.Require(f.KeyNode, f.Path, fields, "zone", "hours")
	for _, c := range fields {
		switch c.Key {
		case "zone":
			z, good := d.Str(c)
			if !good {
				ok = false
				continue
			}
			if z != "account" {
				if _, err := loadZone(z); err != nil {
					d.Fail(c.Value, c.Path, err, "unknown time zone %q", z)
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
			for i, code := range d.Strings(c) {
				if code == AccountCountry || code == AccountCountryIfAny {
					cd.accountHolidays = true
					cd.accountRequired = cd.accountRequired || code == AccountCountry
					continue
				}
				if !slices.Contains(slo.HolidayCountries(), code) {
					d.Fail(c.Value.Content[i], yamlpos.Index(c.Path, i), nil, "unknown holiday country %q (known: %s; %s for the country each case must give, %s for the country a case may give)", code, strings.Join(slo.HolidayCountries(), ", "), AccountCountry, AccountCountryIfAny)
					ok = false
					continue
				}
				cd.spec.Holidays = append(cd.spec.Holidays, code)
			}
		case "closed":
			for _, it := range d.List(c) {
				date, good := parsed(d, it.Field(c), slo.ParseDate)
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
	entries := d.Mapping(f.Value, f.Path, nil)
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		if f.Value == nil || f.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must map days to opening hours, e.g. mon-fri: \"09:00-17:00\"")
		}
		return false
	}
	if len(entries) == 0 {
		d.Fail(f.Value, f.Path, nil, "no opening hours: the calendar would never open")
		return false
	}
	ok := true
	var from [7]string // which entry set each day, for messages
	for _, e := range entries {
		days, err := slo.ParseDays(e.Key)
		if err != nil {
			d.Fail(e.KeyNode, e.Path, err, "%v", err)
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
						d.Fail(e.KeyNode, e.Path, slo.ErrInvalidCalendar, "%s on %s overlaps hours.%s", formatSpan(sp), dayNames[day], from[day])
						ok = false
					}
				}
			}
			if !ok {
				continue
			}
			week[day] = append(week[day], spans...)
			from[day] = e.Key
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
