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

var zendeskExporter = &exporter{
	name: "zendesk",
	summary: `Zendesk's three JSON documents: the SLA policies (GET
             /api/v2/slas/policies), the schedules (GET
             /api/v2/business_hours/schedules) and each schedule's holidays,
             for a catalog of the shape tiercel import zendesk writes (each
             calendar a schedule, its closed dates holidays; each policy's
             rules the policy again, in order). With --dir DIR, written there
             as policies.json, schedules.json and holidays-ID.json, their
             names printed; else one JSON object {"policies", "schedules",
             "holidays": {ID: ...}}. What does not fit Zendesk's model (a rule
             of no policy, a condition no Zendesk operator writes, a calendar
             on the case's zone, a tier's own targets) is named on stderr and
             the status is 1; what fits is exported all the same.`,
	owns: []string{"dir"},
	file: func(fs *flag.FlagSet) func(*cli, string) error {
		dir := fs.String("dir", "", "zendesk: write the documents as files in `DIR`")
		return func(c *cli, path string) error { return c.exportZendesk(path, *dir) }
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
