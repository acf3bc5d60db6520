"""The files a language build adds besides its pages: feed, statistics; per plan tables, kit, JSON.

They are registered in `on_files`, after mkdocs-static-i18n rebuilt the file
list of the language, as files MkDocs writes (`outputs.files`), so Markdown can
link to them and `--strict` checks those links. The language-neutral JSON export
and its schema are written once, by the default language's build; the other
languages only link to them. The root plan's files are also written where they
were before the site held a series (`PlanPaths.at_root`), with the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from plansite.i18n.languages import language_root
from plansite.i18n.progress import plan_progress, series_progress
from plansite.i18n.statistics import localize_statistics
from plansite.i18n.view import LocalizedPlan, LocalizedSeries
from plansite.outputs import exports, feeds
from plansite.outputs import files as output_files
from plansite.outputs.press_kit import build_press_kit
from plansite.outputs.statistics_csv import statistic_csv
from plansite.pdf.downloads import Download
from plansite.urls import CATALOG, FEED, PlanPaths, progress_csv_path, statistic_csv_path


class LanguageOutputs:
    """The feed, and each plan's exports and press kit, of one language."""

    def __init__(
        self,
        series: LocalizedSeries,
        config: MkDocsConfig,
        source_date_epoch: int | None,
        pdf_cache_dir: Path | None = None,
    ) -> None:
        self.series = series
        self.source_date_epoch = source_date_epoch
        self.pdf_cache_dir = pdf_cache_dir  # where the fact sheets' PDFs are kept between builds
        self.config = config
        self.root = language_root(series.language)
        self.language_url = output_files.absolute_url(config, self.root)

    def add_files(self, files: Files, plan_pdfs: dict[str, Download]) -> None:
        """Register this language's outputs; `plan_pdfs` are this language's PDFs by plan id."""
        config, root = self.config, self.root
        site_url = config.site_url or "/"
        output_files.add_content_file(
            files,
            config,
            FEED,
            root + FEED,
            feeds.render_feed(self.series, site_url, self.language_url),
        )
        if self.root:  # the catalog of both languages, written by the default language's build
            output_files.add_self_written_file(files, config, CATALOG, CATALOG)
        else:
            catalog = exports.data_catalog(self.series.series, site_url)
            output_files.add_content_file(files, config, CATALOG, CATALOG, catalog)
        strings, language = self.series.strings, self.series.language
        for statistic in localize_statistics(self.series):
            csv_path = statistic_csv_path(statistic.id)
            table = statistic_csv(statistic, strings, language)
            output_files.add_content_file(files, config, csv_path, root + csv_path, table)
        progress = [("", series_progress(self.series))]
        progress += [
            (PlanPaths.of(localized.plan.id).prefix, plan_progress(localized))
            for localized in self.series.plans
        ]
        for prefix, counted in progress:
            for statistic in counted.counts:
                csv_path = prefix + progress_csv_path(statistic.id)
                table = statistic_csv(statistic, strings, language)
                output_files.add_content_file(files, config, csv_path, root + csv_path, table)
        for localized in self.series.plans:
            contents = self.plan_contents(localized, plan_pdfs.get(localized.plan.id))
            places = [PlanPaths.of(localized.plan.id)]
            if localized.plan.id == self.series.series.site.root_plan:
                places.append(PlanPaths.at_root())
            for paths in places:
                for relative, content in contents.items():
                    path = paths.prefix + relative
                    if relative in NEUTRAL:
                        if root:  # written by the default language's build; the others link to it
                            output_files.add_self_written_file(files, config, path, path)
                        else:
                            output_files.add_content_file(files, config, path, path, content)
                    else:
                        output_files.add_content_file(files, config, path, root + path, content)

    def plan_contents(
        self, localized: LocalizedPlan, plan_pdf: Download | None
    ) -> dict[str, str | bytes]:
        """What one plan publishes, by its path within the plan's folder."""
        pdf_entry = (
            (Path(plan_pdf.site_path).name, plan_pdf.source.read_bytes()) if plan_pdf else None
        )
        within = PlanPaths.at_root()
        contents: dict[str, str | bytes] = {
            within.initiatives_csv: exports.initiatives_csv(localized, self.language_url),
            within.actors_csv: exports.actors_csv(localized, self.language_url),
            within.evidence_csv: exports.evidence_csv(localized, self.language_url),
            within.csv_metadata: exports.csv_metadata(
                localized,
                self.language_url,
                self.series.series.site.data_licence,
                self.series.text(self.series.series.site.publisher),
            ),
            within.press_kit(localized.language): build_press_kit(
                localized, self.language_url, pdf_entry, self.source_date_epoch, self.pdf_cache_dir
            ),
        }
        if not self.root:
            contents[within.plan_json] = exports.plan_json(localized.plan)
            contents[within.schema_json] = exports.schema_json()
        else:
            contents[within.plan_json] = b""
            contents[within.schema_json] = b""
        return contents


# Files the same in every language, written once at the default language's address.
NEUTRAL = {PlanPaths.at_root().plan_json, PlanPaths.at_root().schema_json}
