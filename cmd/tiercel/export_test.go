package main

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/rules"
)

const holidaysCatalog = "../../examples/holidays/office.yaml"

var goldenExport = []goldenCase{
	{"export-help", []string{"export", "--help"}, exitOK},
	{"export-no-format", []string{"export"}, exitUsage},
	{"export-unknown-format", []string{"export", "vcard", holidaysCatalog}, exitUsage},
	{"export-two-catalogs", []string{"export", "ics", holidaysCatalog, "--builtin", "aws", "--calendar", "office", "--from", "2026-01-01", "--to", "2026-12-31"}, exitUsage},
}

func TestExportGolden(t *testing.T) { runGolden(t, goldenExport) }

func TestExportFlagOfAnotherFormat(t *testing.T) {
	saved := exporters
	t.Cleanup(func() { exporters = saved })
	exporters = append([]*exporter{{name: "other", owns: []string{"other-flag"}, flags: func(fs *flag.FlagSet) func(*cli, *rules.Engine) error {
		fs.Bool("other-flag", false, "other: a flag")
		return func(*cli, *rules.Engine) error { return nil }
	}}}, saved...)
	_, stderr, code := runCmd(t, "export", "ics", holidaysCatalog, "--other-flag", "--calendar", "office", "--from", "2026-01-01", "--to", "2026-12-31")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--other-flag is a flag of export other, not of export ics")
	_, _, code = runCmd(t, "export", "other", "--other-flag")
	assert.Equal(t, exitOK, code, "its own format takes it")
}
