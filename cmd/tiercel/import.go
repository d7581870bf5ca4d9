package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

var importCommand = &command{
	name:     "import",
	synopsis: "zendesk --policies FILE [--schedules FILE] [--holidays [ID=]FILE]... | freshdesk --policies FILE [--business-hours FILE]",
	summary:  "write a catalog from a helpdesk's SLA policies and schedules (Zendesk, Freshdesk)",
	help: `Import reads the JSON a helpdesk's API returns and writes a catalog of one
tier on stdout, commented with each policy's id and title; the catalog
passes tiercel check.

zendesk: --policies is GET /api/v2/slas/policies, --schedules GET
/api/v2/business_hours/schedules, each --holidays GET
/api/v2/business_hours/schedules/{id}/holidays, as ID=FILE, or FILE when
there is one schedule. Policies become rules tried in position order; the
first whose filter matches applies, even where it sets no target. Each of
Zendesk's eight metrics is a declared metric; response mirrors
first_reply_time. A business-hours target runs on the schedule the case's
schedule_id attribute names, else on the first schedule.

freshdesk: --policies is GET /api/v2/sla_policies, --business-hours GET
/api/v2/business_hours. respond_within is response, resolve_within is
resolution; the default policy gives the tier's targets, the others rules.

With --output json: {"helpdesk", "tier", "calendars", "rules" (how many),
"catalog" (the YAML)}.

Exit status 3 when a file is missing or invalid (file:line:col: path:
message, the path in the JSON).`,
	example: `tiercel import zendesk --policies examples/zendesk-policies/policies.json --schedules examples/zendesk-policies/schedules.json --holidays 1=examples/zendesk-policies/holidays.json`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var policies, schedules, hours, tier string
		var holidays stringsFlag
		fs.StringVar(&policies, "policies", "", "the SLA policies `FILE` (JSON)")
		fs.StringVar(&schedules, "schedules", "", "zendesk: the schedules `FILE` (JSON)")
		fs.Var(&holidays, "holidays", "zendesk: a schedule's holidays, `[ID=]FILE` (JSON; repeatable)")
		fs.StringVar(&hours, "business-hours", "", "freshdesk: the business hours `FILE` (JSON)")
		fs.StringVar(&tier, "tier", "", "the tier's `NAME` (default: the helpdesk's name)")
		return func(c *cli, args []string) error {
			if len(args) != 1 {
				return usagef("want the helpdesk, zendesk or freshdesk; got %s", plural(len(args), "argument"))
			}
			if policies == "" {
				return usagef("--policies is required")
			}
			var im *input.Import
			var err error
			switch args[0] {
			case "zendesk":
				if hours != "" {
					return usagef("--business-hours is freshdesk's; zendesk takes --schedules")
				}
				var x input.ZendeskAccount
				if x, err = input.LoadZendesk(policies, schedules, holidays); err == nil {
					im, err = input.ImportZendesk(x, tier)
				}
			case "freshdesk":
				if schedules != "" || len(holidays) > 0 {
					return usagef("--schedules and --holidays are zendesk's; freshdesk takes --business-hours")
				}
				im, err = input.LoadFreshdesk(policies, hours, tier)
			default:
				return usagef("unknown helpdesk %q: want zendesk or freshdesk", args[0])
			}
			if err != nil {
				return err
			}
			return c.writeImport(im)
		}
	},
}

// errImportBroken is an imported catalog that does not compile: tiercel's
// fault, not the input's.
var errImportBroken = fault.New(fault.Internal, "internal error")

// writeImport writes the catalog after compiling it: a catalog that would
// not pass check is tiercel's fault, never written.
func (c *cli) writeImport(im *input.Import) error {
	var b strings.Builder
	if err := im.WriteCatalog(&b); err != nil {
		return err
	}
	if _, err := rules.Compile("imported.yaml", []byte(b.String())); err != nil {
		return fmt.Errorf("%w: the imported catalog does not compile: %v", errImportBroken, err)
	}
	if c.json() {
		out := importJSON{Helpdesk: im.Helpdesk, Tier: im.Tier, Calendars: []string{}, Rules: len(im.Rules), Catalog: b.String()}
		for _, cal := range im.Calendars {
			out.Calendars = append(out.Calendars, cal.ID)
		}
		return c.writeJSON(out)
	}
	_, err := fmt.Fprint(c.stdout, b.String())
	return err
}

// importJSON is import --output json: the catalog's YAML and what it holds.
type importJSON struct {
	Helpdesk  string   `json:"helpdesk"`
	Tier      string   `json:"tier"`
	Calendars []string `json:"calendars"`
	Rules     int      `json:"rules"`
	Catalog   string   `json:"catalog"`
}
