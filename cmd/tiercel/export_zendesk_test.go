package main

import "testing"

var goldenExportZendesk = []goldenCase{
	{"export-zendesk", []string{"export", "zendesk", zendeskData + "catalog.yaml"}, exitOK},
	{"export-misfits", []string{"export", "zendesk", "testdata/tiers.yaml"}, exitFail},
	{"export-invalid", []string{"export", "zendesk", "testdata/bad.yaml"}, exitInput},
	{"export-zendesk-builtin", []string{"export", "zendesk", "--builtin", "aws"}, exitUsage},
	{"export-zendesk-calendar-flag", []string{"export", "zendesk", zendeskData + "catalog.yaml", "--calendar", "office"}, exitUsage},
}

func TestExportZendeskGolden(t *testing.T) { runGolden(t, goldenExportZendesk) }
