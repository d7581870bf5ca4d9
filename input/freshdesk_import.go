package input

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// ParseFreshdeskHours reads the JSON of GET /api/v2/business_hours, an
// array of calendars, each with its time_zone (a Rails name, see
// RailsZone) and its business_hours by weekday ({"monday": {"start_time":
// "08:00:00 am", "end_time": "05:00:00 pm"}}; an end of 11:59:59 pm is the
// day's end). Errors wrap ErrInvalidFreshdesk, positioned at the JSON path.
func ParseFreshdeskHours(name string, src []byte) ([]FreshdeskHours, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidFreshdesk)
	var out []FreshdeskHours
	for _, it := range freshdeskArray(d, src, "business hours (GET /api/v2/business_hours)", "business_hours") {
		if h, ok := decodeFreshdeskHours(d, it); ok {
			out = append(out, h)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeFreshdeskHours(d *yamlpos.Decoder, it yamlpos.Item) (FreshdeskHours, bool) {
	var h FreshdeskHours
	fields, object, ok := objectItem(d, it, "id", "name", "time_zone", "business_hours")
	if !object {
		return h, false
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for _, f := range fields {
		good := true
		switch f.Key {
		case "id":
			h.ID, good = intField(d, f, 1)
		case "name":
			h.Name, good = d.Str(f)
		case "is_default":
			h.IsDefault, good = d.Boolean(f)
		case "time_zone":
			if h.TimeZone, good = d.Str(f); good {
				if h.Zone, good = RailsZone(h.TimeZone); !good {
					d.Fail(f.Value, f.Path, nil, "unknown time zone %q: neither a Rails (ActiveSupport) name such as \"Eastern Time (US & Canada)\" nor an IANA name", h.TimeZone)
				}
			}
		case "business_hours":
			for _, x := range d.Mapping(f.Value, f.Path, days) {
				span, g := freshdeskSpan(d, x)
				if g {
					day := slices.Index(days, x.Key)
					h.Week[day] = append(h.Week[day], span)
				}
				good = good && g
			}
		}
		ok = ok && good
	}
	return h, ok
}

// freshdeskClock is a Freshdesk time of day, "8:00 am" or "08:00:00 pm".
var freshdeskClock = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]m)$`)

// freshdeskSpan reads a day's {start_time, end_time}.
func freshdeskSpan(d *yamlpos.Decoder, f yamlpos.Field) ([2]int, bool) {
	var span [2]int
	fields := d.Mapping(f.Value, f.Path, nil)
	if f.Value == nil || f.Value.Kind != yaml.MappingNode || !d.Require(f.Value, f.Path, fields, "start_time", "end_time") {
		return span, false
	}
	ok := true
	for _, x := range fields {
		if x.Key != "start_time" && x.Key != "end_time" {
			continue
		}
		s, good := d.Str(x)
		m := freshdeskClock.FindStringSubmatch(strings.ToLower(s))
		if !good || m == nil {
			if good {
				d.Fail(x.Value, x.Path, nil, "must be a time of day such as \"08:00:00 am\", got %q", s)
			}
			ok = false
			continue
		}
		hour, _ := strconv.Atoi(m[1])
		minute, _ := strconv.Atoi(m[2])
		if hour < 1 || hour > 12 || minute > 59 {
			d.Fail(x.Value, x.Path, nil, "%q is not a time of day", s)
			ok = false
			continue
		}
		minutes := hour%12*60 + minute
		if m[4] == "pm" {
			minutes += 12 * 60
		}
		if x.Key == "start_time" {
			span[0] = minutes
		} else {
			if m[3] == "59" && minute == 59 {
				minutes++ // 11:59:59 pm is the day's end
			}
			span[1] = minutes
		}
	}
	if ok && span[1] <= span[0] {
		d.Fail(f.Value, f.Path, nil, "end_time is not after start_time")
		ok = false
	}
	return span, ok
}

// LoadFreshdesk reads Freshdesk's SLA policies and business hours (hours
// may be "": none) from files and imports them (see ImportFreshdesk).
func LoadFreshdesk(policies, hours, tier string) (*Import, error) {
	ps, err := load(policies, ErrInvalidFreshdesk, ParseFreshdeskPolicies)
	if err != nil {
		return nil, err
	}
	var hs []FreshdeskHours
	if hours != "" {
		if hs, err = load(hours, ErrInvalidFreshdesk, ParseFreshdeskHours); err != nil {
			return nil, err
		}
	}
	return ImportFreshdesk(ps, hs, tier)
}

// ImportFreshdesk makes the catalog of one tier (tier, "freshdesk" when
// empty): respond_within is the built-in response, resolve_within the
// built-in resolution (paused while pending). The default policy gives the
// tier's targets; each other active policy, in position order, is a rule
// whose applicable_to must all match. Business-hours targets run on the
// default business hours. Errors wrap ErrInvalidFreshdesk.
func ImportFreshdesk(ps []FreshdeskPolicy, hs []FreshdeskHours, tier string) (*Import, error) {
	if tier == "" {
		tier = "freshdesk"
	}
	im := &Import{Helpdesk: "Freshdesk", Tier: tier, Header: []string{
		fmt.Sprintf("Imported from Freshdesk by tiercel import freshdesk: %d SLA policies, %d business hours.", len(ps), len(hs)),
		fmt.Sprintf("One tier, %s; Freshdesk's priorities urgent, high, medium, low are P1-P4.", tier),
		"respond_within is response, resolve_within resolution; the default policy gives the",
		"tier's targets, the other active policies are rules in position order over case.attrs",
		"(company_id, group_id, source, type, product_id). Business hours are the default calendar's.",
	}}
	calendar := ""
	for _, h := range hs {
		c := ImportCalendar{ID: "freshdesk-" + strconv.FormatInt(h.ID, 10), Description: h.Name, Zone: h.Zone, Week: h.Week,
			Comment: fmt.Sprintf("Freshdesk business hours %d %q", h.ID, h.Name)}
		im.Calendars = append(im.Calendars, c)
		if h.IsDefault || calendar == "" && len(hs) == 1 {
			calendar = c.ID
		}
	}
	var errs yamlpos.ErrorList
	for _, p := range ps {
		if p.Active {
			if err := im.freshdeskPolicy(p, calendar); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if len(im.Tables) == 0 || im.Tables[0].Metric != "response" {
		errs = append(errs, yamlpos.Pos{Kind: ErrInvalidFreshdesk}.Errorf(nil, "no active default policy (is_default) with response targets: the tier needs them"))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return im, nil
}

// freshdeskPolicy adds an active policy: the tier's targets for the
// default one, else rules; calendar is the default business hours' ("" for
// none).
func (im *Import) freshdeskPolicy(p FreshdeskPolicy, calendar string) *yamlpos.Error {
	for _, m := range []string{"response", "resolution"} {
		for pr := slo.P1; pr <= slo.P4; pr++ {
			t := p.Targets[pr]
			if t == nil {
				continue
			}
			within, cal := t.RespondWithin, "24x7"
			if m == "resolution" {
				within = t.ResolveWithin
			}
			if t.BusinessHours {
				if cal = calendar; cal == "" {
					return yamlpos.Pos{Kind: ErrInvalidFreshdesk}.Errorf(nil, "policy %d %q: missing schedule: a business-hours target needs the default business hours", p.ID, p.Name)
				}
			}
			if p.IsDefault {
				im.setTable(m, pr, FormatDuration(within)+" "+cal, fmt.Sprintf("Freshdesk's default SLA policy %d %q", p.ID, p.Name))
				continue
			}
			r := ImportRule{ID: fmt.Sprintf("freshdesk-%d.%s.%s", p.ID, m, strings.ToLower(pr.String())), Description: strconv.Quote(p.Name),
				When: p.When, Metric: m, Priorities: []slo.Priority{pr}, Within: within, Calendar: cal}
			if len(im.Rules) == 0 || !strings.HasPrefix(im.Rules[len(im.Rules)-1].ID, fmt.Sprintf("freshdesk-%d.", p.ID)) {
				r.Comment = fmt.Sprintf("Freshdesk SLA policy %d %q, position %d", p.ID, p.Name, p.Position)
			}
			im.Rules = append(im.Rules, r)
		}
	}
	return nil
}

// setTable sets the tier's target of metric m for priority p.
func (im *Import) setTable(m string, p slo.Priority, target, comment string) {
	for i := range im.Tables {
		if im.Tables[i].Metric == m {
			im.Tables[i].Targets[p] = target
			return
		}
	}
	t := ImportTable{Metric: m, Comment: comment}
	t.Targets[p] = target
	im.Tables = append(im.Tables, t)
}
