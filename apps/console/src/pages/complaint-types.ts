/** Complaint shapes as /v1/complaints returns them; `alerts` only for regulators. */
export interface Complaint {
  id: string;
  ref: string;
  platform_id: string;
  sku_id: string | null;
  page_url: string | null;
  category: string;
  observed: { price_minor: number; currency: string; seen_at: string; note?: string }[];
  narrative: string;
  status: string;
  status_note: string | null;
  duplicate_of: string | null;
  created_at: string;
  updated_at: string;
  attachments?: { id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; created_at: string }[];
  alerts?: { id: string; detector: string; severity: string; status: string; summary: string }[];
}
