/** The algorithm filing document (fairmarket.filing/v1): the CAC filing structure plus a DSA art. 27 statement. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface MeasuredCharacteristic {
  characteristic: string;
  /** What it moves: prices, or the ranking/recommendation results. */
  moves: 'prices' | 'rankings';
  declared: boolean;
  /** The effect as measured: a price difference (share) or a top-10 overlap gap (Jaccard). */
  effect: number | null;
  finding_id: string;
}

export interface FilingInconsistency {
  finding_id: string;
  kind: string;
  summary: Bilingual;
  /** The filing section the reviewer must re-read. */
  section: string;
}

export interface FilingDocument {
  schema: 'fairmarket.filing/v1';
  generated_at: string;
  rule_pack: string;
  filer: { platform_id: string; name: string; /** 备案主体 */ entity_type: Bilingual };
  algorithm: {
    id: string;
    name: string;
    version: string | null;
    launched_at: string | null;
    type: string;
    type_label: Bilingual;
    application_domain: Bilingual;
    scenarios: Bilingual[];
    principle: Bilingual;
    mechanism: Bilingual;
    purpose: Bilingual;
    input_data: Bilingual;
    declared_features: string[];
    user_controls: {
      non_personalised_option: { declared: boolean; measured: Bilingual };
      tag_management: { declared: boolean | null; text: Bilingual };
    };
  };
  measured: {
    characteristics: MeasuredCharacteristic[];
    opt_out: { alert: boolean; finding_ids: string[]; text: Bilingual };
    self_preferencing: { alert: boolean; mean_rank_gap: number | null; p_value: number | null; finding_id: string | null; text: Bilingual };
    exposure: { own_share: number | null; sponsored_share: number | null; gini: number | null; share_by_merchant_size: Record<string, unknown> | null; text: Bilingual };
  };
  self_assessment: {
    algorithm_situation: Bilingual;
    service_situation: Bilingual;
    risk_assessment: Bilingual[];
    risk_controls: Bilingual[];
    conclusion: Bilingual;
  };
  publication: Bilingual;
  dsa_art27: {
    main_parameters: Bilingual[];
    why_they_matter: Bilingual;
    user_options: Bilingual;
    art38_non_profiling_option: Bilingual;
  };
  inconsistencies: FilingInconsistency[];
  findings_considered: string[];
}
