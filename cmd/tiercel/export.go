package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
)

var exportCommand = &command{
	name:     "export",
	synopsis: "zendesk CATALOG [--dir DIR]",
	summary:  "write a catalog as a helpdesk's SLA documents (Zendesk) and name what does not fit",
	help: `Export writes a catalog as Zendesk's three JSON documents: the SLA policies
(GET /api/v2/slas/policies), the schedules (GET
/api/v2/business_hours/schedules) and each schedule's holidays. Each
calendar is a schedule, its closed dates holidays; the rules of each policy
tiercel import zendesk writes are the policy again, in their order.

With --dir, the documents are written there as policies.json,
schedules.json and holidays-ID.json, and their names printed; without it,
one JSON object {"policies", "schedules", "holidays": {ID: ...}} is
printed. What does not fit Zendesk's model (a rule of no policy, a
condition no Zendesk operator writes, a calendar on the case's zone, a
tier's own targets) is named on stderr, one line each, and the status is
then 1; what fits is exported all the same.`,
	example: `tiercel export zendesk examples/zendesk/catalog.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var dir string
		fs.StringVar(&dir, "dir", "", "write the documents as files in `DIR`")
		return func(c *cli, args []string) error {
			if len(args) != 2 || args[0] != "zendesk" {
				return usagef("want zendesk CATALOG; got %s", plural(len(args), "argument"))
			}
			return c.exportZendesk(args[1], dir)
		}
	},
}

// errExportUnwritable is a --dir whose files cannot be written.
var errExportUnwritable = fault.New(fault.BadRequest, "cannot write the documents")

func (c *cli) exportZendesk(catalog, dir string) error {
	src, err := readfile.Read(catalog)
	if err != nil {
		return fmt.Errorf("%w: %w", rules.ErrInvalidCatalog, err)
	}
	docs, misfits, err := input.ExportZendesk(catalog, src)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(docs.Holidays))
	for id := range docs.Holidays {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if dir == "" {
		holidays := map[string]json.RawMessage{}
		for _, id := range ids {
			holidays[strconv.FormatInt(id, 10)] = docs.Holidays[id]
		}
		b, err := json.MarshalIndent(map[string]any{"policies": json.RawMessage(docs.Policies), "schedules": json.RawMessage(docs.Schedules), "holidays": holidays}, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, string(b))
	} else {
		files := [][2]string{{"policies.json", string(docs.Policies)}, {"schedules.json", string(docs.Schedules)}}
		for _, id := range ids {
			files = append(files, [2]string{fmt.Sprintf("holidays-%d.json", id), string(docs.Holidays[id])})
		}
		for _, f := range files {
			p := filepath.Join(dir, f[0])
			if err := os.WriteFile(p, []byte(f[1]+"\n"), 0o644); err != nil {
				return fmt.Errorf("%w: %w", errExportUnwritable, err)
			}
			fmt.Fprintln(c.stdout, p)
		}
	}
	for _, m := range misfits {
		fmt.Fprintf(c.stderr, "tiercel export: does not fit Zendesk: %s\n", m)
	}
	if len(misfits) > 0 {
		return errFailed
	}
	return nil
}
