package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tier is a valid tier block that malformed cases build on.
const okTier = "tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7}\n"

// malformed is the table of bad catalogs and the exact error each must give.
// Every error names file:line:col and the YAML path.
var malformed = []struct {
	name string
	src  string
	want string
}{
	{"empty document", "", "t.yaml:1:1: empty document"},
	{"only a comment", "# nothing\n", "t.yaml:1:1: empty document"},
	{"yaml syntax", "tiers:\n  x: [\n", "t.yaml:2:3: yaml: did not find expected node content"},
	{"top level list", "- a\n- b\n", "t.yaml:1:1: must be a mapping, got a list"},
	{"unknown top-level key", okTier + "tires: {}\n", "t.yaml:5:1: tires: unknown key \"tires\" (want one of version, calendars, tiers, rules, migrations, permissions, billing, lifecycle, priorities)"},
	{"unsupported version", "version: 2\n" + okTier, "t.yaml:1:10: version: unsupported format version \"2\" (want 1)"},
	{"two documents", okTier + "---\n" + okTier, "t.yaml:5:1: more than one YAML document; give each document its own file"},
	{"no tiers", "calendars: {}\n", "t.yaml:1:1: the catalog defines no tiers"},
	{"tier missing name", "tiers:\n  x:\n    response: {P1: 1h 24x7}\n", "t.yaml:2:3: tiers.x: missing required key \"name\""},
	{"tier missing response", "tiers:\n  x:\n    name: X\n", "t.yaml:2:3: tiers.x: missing required key \"response\""},
	{"unknown tier key", okTier + "    colour: red\n", "t.yaml:5:5: tiers.x.colour: unknown key \"colour\" (want one of name, description, aliases, family, legacy, response, nextReply, update, resolution, languages, channels, services, price, prices, source)"},
	{"invalid tier id", "tiers:\n  Bad Tier:\n    name: X\n    response: {P1: 1h 24x7}\n", "t.yaml:2:3: tiers.\"Bad Tier\": invalid tier id \"Bad Tier\": use lowercase letters, digits, '-', '_' and '.'"},
	{"priority out of range", "tiers:\n  x:\n    name: X\n    response: {P5: 1h 24x7}\n", "t.yaml:4:16: tiers.x.response.P5: invalid priority \"P5\": want one of P1, P2, P3, P4"},
	{"bad duration", "tiers:\n  x:\n    name: X\n    response: {P1: 1 hour 24x7}\n", "t.yaml:4:20: tiers.x.response.P1: invalid target \"1 hour 24x7\": too many words, want \"<duration> <calendar>\" such as \"1h 24x7\""},
	{"zero duration", "tiers:\n  x:\n    name: X\n    response: {P1: 0h 24x7}\n", "t.yaml:4:20: tiers.x.response.P1: invalid target \"0h 24x7\": duration must be positive"},
	{"target without calendar", "tiers:\n  x:\n    name: X\n    response: {P1: 1h}\n", "t.yaml:4:20: tiers.x.response.P1: invalid target \"1h\": missing calendar, want \"<duration> <calendar>\" such as \"1h 24x7\""},
	{"unknown calendar", "tiers:\n  x:\n    name: X\n    response: {P1: 1h moon}\n", "t.yaml:4:20: tiers.x.response.P1: unknown calendar \"moon\""},
	{"response not a mapping", "tiers:\n  x:\n    name: X\n    response: 1h 24x7\n", "t.yaml:4:15: tiers.x.response: must be a mapping, got a scalar"},
	{"legacy not a bool", okTier + "    legacy: maybe\n", "t.yaml:5:13: tiers.x.legacy: must be true or false, got \"maybe\""},
	{"alias clashes with a tier", okTier + "    aliases: [y]\n  y:\n    name: Y\n    response: {P1: 1h 24x7}\n", "t.yaml:5:15: tiers.x.aliases[0]: alias \"y\" clashes with the tier or alias at t.yaml:6:3"},
	{"duplicate key", "tiers:\n  x:\n    name: X\n    name: Y\n    response: {P1: 1h 24x7}\n", "t.yaml:4:5: tiers.x.name: duplicate key \"name\""},
	{"unknown zone", "calendars:\n  b:\n    zone: Mars/Olympus\n    hours: {mon-fri: \"09:00-17:00\"}\n" + okTier, "t.yaml:3:11: calendars.b.zone: unknown time zone \"Mars/Olympus\""},
	{"span ends before it starts", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-fri: \"17:00-09:00\"}\n" + okTier, "t.yaml:4:22: calendars.b.hours.mon-fri: invalid opening hours \"17:00-09:00\": span 17:00-09:00 ends before it starts"},
	{"hours past 24:00", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-fri: \"09:00-25:00\"}\n" + okTier, "t.yaml:4:22: calendars.b.hours.mon-fri: invalid opening hours \"09:00-25:00\": span \"09:00-25:00\": end \"25:00\": past 24:00"},
	{"overlapping spans", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-fri: \"09:00-12:00, 11:00-13:00\"}\n" + okTier, "t.yaml:4:22: calendars.b.hours.mon-fri: invalid opening hours \"09:00-12:00, 11:00-13:00\": spans 09:00-12:00 and 11:00-13:00 overlap"},
	{"overlapping days", "calendars:\n  b:\n    zone: UTC\n    hours:\n      mon-fri: \"09:00-17:00\"\n      mon: \"16:00-18:00\"\n" + okTier, "t.yaml:6:7: calendars.b.hours.mon: 16:00-18:00 on monday overlaps hours.mon-fri"},
	{"unknown day", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-funday: \"09:00-17:00\"}\n" + okTier, "t.yaml:4:13: calendars.b.hours.mon-funday: invalid days \"mon-funday\": unknown day \"funday\" (want sun, mon, tue, wed, thu, fri or sat)"},
	{"unknown holiday country", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-fri: \"09:00-17:00\"}\n    holidays: [xx]\n" + okTier, "t.yaml:5:16: calendars.b.holidays[0]: unknown holiday country \"xx\" (known: ar, at, au-act, au-nsw, au-nt, au-qld, au-sa, au-tas, au-vic, au-wa, be, bg, br, ca, ch, cz, de, dk, ecb, es, fr, gb, gr, hr, ie, it, jp, lt, lv, mw, nc, nl, no, nz, pl, ro, ru, se, si, sk, ua, us, za; account for the country each case must give, account-if-any for the country a case may give)"},
	{"bad closed date", "calendars:\n  b:\n    zone: UTC\n    hours: {mon-fri: \"09:00-17:00\"}\n    closed: [\"2026-02-30\"]\n" + okTier, "t.yaml:5:14: calendars.b.closed[0]: invalid date \"2026-02-30\": day 30 out of range 1-28 for February 2026"},
	{"calendar without hours", "calendars:\n  b:\n    zone: UTC\n" + okTier, "t.yaml:2:3: calendars.b: missing required key \"hours\""},
	{"redefining 24x7", "calendars:\n  24x7:\n    zone: UTC\n    hours: {mon-fri: \"09:00-17:00\"}\n" + okTier, "t.yaml:2:3: calendars.24x7: calendar \"24x7\" is built in and cannot be redefined"},
	{"rule missing when", okTier + "rules:\n  - id: r\n    within: 2h\n", "t.yaml:6:5: rules[0]: missing required key \"when\""},
	{"rule missing id", okTier + "rules:\n  - when: 'true'\n    within: 2h\n", "t.yaml:6:5: rules[0]: missing required key \"id\""},
	{"rule sets nothing", okTier + "rules:\n  - id: r\n    when: 'true'\n", "t.yaml:6:5: rules[0]: rule \"r\" sets nothing: give within, calendar or both"},
	{"rule unknown key", okTier + "rules:\n  - id: r\n    when: 'true'\n    within: 2h\n    then: 3h\n", "t.yaml:9:5: rules[0].then: unknown key \"then\" (want one of id, description, when, metric, tiers, priorities, within, calendar)"},
	{"rule unknown metric", okTier + "rules:\n  - id: r\n    when: 'true'\n    metric: reply\n    within: 2h\n", "t.yaml:8:13: rules[0].metric: unknown metric \"reply\" (known: response, nextReply, update, resolution)"},
	{"rule metric not a scalar", okTier + "rules:\n  - id: r\n    when: 'true'\n    metric: [response]\n    within: 2h\n", "t.yaml:8:13: rules[0].metric: must be a scalar, got a list"},
	{"rules not a list", okTier + "rules:\n  r: {}\n", "t.yaml:6:3: rules: must be a list, got a mapping"},
	{"when not bool", okTier + "rules:\n  - id: r\n    when: case.language\n    within: 2h\n", "t.yaml:7:11: rules[0].when: must be bool, got string"},
	{"when undefined field", okTier + "rules:\n  - id: r\n    when: case.langage == 'ja'\n    within: 2h\n", "t.yaml:7:15: rules[0].when: undefined field 'langage'"},
	{"when is an object", okTier + "rules:\n  - id: r\n    when: contract.spend\n    within: 2h\n", "t.yaml:7:11: rules[0].when: must be bool, got tiercel.Money"},
	{"when wrong types", okTier + "rules:\n  - id: r\n    when: case.opened > 3\n    within: 2h\n", "t.yaml:7:23: rules[0].when: found no matching overload for '_>_' applied to '(timestamp, int)'"},
	{"when syntax error", okTier + "rules:\n  - id: r\n    when: case.language == \n    within: 2h\n", "t.yaml:7:27: rules[0].when: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}"},
	{"when error in a block scalar", okTier + "rules:\n  - id: r\n    when: |\n      case.language == 'ja' &&\n        case.prio == 'P1'\n    within: 2h\n", "t.yaml:9:13: rules[0].when: undefined field 'prio'"},
	{"when error in a folded scalar", okTier + "rules:\n  - id: r\n    when: >\n      case.language == 'ja' &&\n      case.prio == 'P1'\n    within: 2h\n", "t.yaml:9:11: rules[0].when: undefined field 'prio'"},
	{"when error in a quoted scalar", okTier + "rules:\n  - id: r\n    when: \"case.language == 'ja' && case.prio == 1\"\n    within: 2h\n", "t.yaml:7:41: rules[0].when: undefined field 'prio'"},
	{"when too expensive", okTier + "rules:\n  - id: r\n    when: case.attrs.all(a, case.attrs.all(b, case.attrs.all(c, case.attrs.all(d, a + b + c + d != ''))))\n    within: 2h\n", "t.yaml:7:11: rules[0].when: expression too expensive: estimated cost up to 9806060603 exceeds the limit 100000"},
	{"rule bad within", okTier + "rules:\n  - id: r\n    when: 'true'\n    within: 2 hours\n", "t.yaml:8:13: rules[0].within: invalid target: bad duration \"2 hours\" (use h, m, s units, e.g. 1h30m)"},
	{"target over the maximum", "tiers:\n  x:\n    name: X\n    response: {P1: 2562041h biz}\ncalendars:\n  biz: {zone: UTC, hours: {mon-fri: \"09:00-17:00\"}}\n", "t.yaml:4:20: tiers.x.response.P1: invalid target \"2562041h biz\": response time 2562041h exceeds the maximum 87600h"},
	{"rule within over the maximum", okTier + "rules:\n  - id: r\n    when: 'true'\n    within: 100000h\n", "t.yaml:8:13: rules[0].within: invalid target: response time 100000h exceeds the maximum 87600h"},
	{"rule within finer than a nanosecond", okTier + "rules:\n  - id: r\n    when: 'true'\n    within: 1h0.5ns\n", "t.yaml:8:13: rules[0].within: invalid target: duration \"1h0.5ns\" is finer than a nanosecond"},
	{"rule unknown calendar", okTier + "rules:\n  - id: r\n    when: 'true'\n    calendar: moon\n", "t.yaml:8:15: rules[0].calendar: unknown calendar \"moon\""},
	{"rule unknown tier", okTier + "rules:\n  - id: r\n    when: 'true'\n    tiers: [y]\n    within: 2h\n", "t.yaml:8:13: rules[0].tiers[0]: unknown tier \"y\""},
	{"rule bad priority", okTier + "rules:\n  - id: r\n    when: 'true'\n    priorities: [P0]\n    within: 2h\n", "t.yaml:8:18: rules[0].priorities[0]: invalid priority \"P0\": want one of P1, P2, P3, P4"},
	{"duplicate rule id", okTier + "rules:\n  - id: r\n    when: 'true'\n    within: 2h\n  - id: r\n    when: 'false'\n    within: 3h\n", "t.yaml:9:9: rules[1].id: duplicate rule id \"r\" (first defined at t.yaml:6:9)"},
	{"unknown currency", okTier + "    price:\n      currency: XYZ\n      bands: [{rate: 3%}]\n", "t.yaml:6:17: tiers.x.price.currency: unknown currency \"XYZ\""},
	{"rate above 100%", okTier + "    price:\n      currency: USD\n      bands: [{rate: 110%}]\n", "t.yaml:7:22: tiers.x.price.bands[0].rate: malformed rate \"110%\": rates cannot exceed 100%"},
	{"malformed minimum", okTier + "    price:\n      currency: USD\n      minimum: lots\n      bands: [{rate: 3%}]\n", "t.yaml:7:16: tiers.x.price.minimum: malformed money \"lots USD\": unexpected 'l' in amount"},
	{"bands not ascending", okTier + "    price:\n      currency: USD\n      bands:\n        - {upTo: \"100\", rate: 10%}\n        - {upTo: \"50\", rate: 5%}\n        - {rate: 3%}\n", "t.yaml:9:18: tiers.x.price.bands[1].upTo: limit 50.00 USD is not above the previous limit 100.00 USD"},
	{"last band bounded", okTier + "    price:\n      currency: USD\n      bands:\n        - {upTo: \"100\", rate: 10%}\n", "t.yaml:8:18: tiers.x.price.bands[0].upTo: the last band must be unbounded (spend above 100.00 USD would have no rate)"},
	{"band after an unbounded band", okTier + "    price:\n      currency: USD\n      bands:\n        - {rate: 10%}\n        - {rate: 3%}\n", "t.yaml:8:11: tiers.x.price.bands[0]: only the last band may be unbounded"},
	{"unknown price model", okTier + "    price:\n      currency: USD\n      model: tiered\n      bands: [{rate: 3%}]\n", "t.yaml:7:14: tiers.x.price.model: unknown model \"tiered\" (want graduated or volume)"},
	{"maximum below minimum", okTier + "    price:\n      currency: USD\n      minimum: \"100\"\n      maximum: \"50\"\n      bands: [{rate: 3%}]\n", "t.yaml:6:7: tiers.x.price: invalid price: maximum 50.00 USD is below the minimum 100.00 USD"},
	{"malformed flat amount", okTier + "    price:\n      currency: USD\n      bands: [{rate: 3%, flat: \"-5\"}]\n", "t.yaml:7:32: tiers.x.price.bands[0].flat: flat amount -5.00 USD is negative"},
	{"band missing rate", okTier + "    price:\n      currency: USD\n      bands:\n        - {upTo: \"100\"}\n        - {rate: 3%}\n", "t.yaml:8:11: tiers.x.price.bands[0]: missing required key \"rate\""},
}

func TestCompileMalformed(t *testing.T) {
	require.GreaterOrEqual(t, len(malformed), 30)
	for _, tc := range malformed {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile("t.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.Nil(t, e)
			assert.ErrorIs(t, err, ErrInvalidCatalog)
			var pe *Error
			require.True(t, errors.As(err, &pe), "error %v is not a *rules.Error", err)
			assert.Equal(t, "t.yaml", pe.File)
			assert.Positive(t, pe.Line)
			assert.Positive(t, pe.Column)
			if tc.want == "" {
				t.Errorf("want not set; got:\n%s", err)
				return
			}
			assert.Equal(t, tc.want, err.Error())
			for _, line := range strings.Split(err.Error(), "\n") {
				assert.Regexp(t, `^t\.yaml:\d+:\d+: `, line)
			}
		})
	}
}
