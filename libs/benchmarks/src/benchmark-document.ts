/** The benchmark JSON schema (see libs/benchmarks/data/README.md). */
export interface GuideQuestion {
  /** `<section code>.qN` */
  code: string;
  text: string;
}

export interface PracticeExample {
  city: string;
  text: string;
  links: string[];
  contact: string | null;
}

export interface BenchmarkSection {
  code: string;
  order: number;
  title: string;
  standard: string;
  rationale: string;
  guideQuestions: GuideQuestion[];
  examples: PracticeExample[];
}

export interface ContextFactor {
  code: string;
  title: string;
  examples: string[];
}

export interface BenchmarkProgrammeInfo {
  name: string;
  fullName?: string;
  period?: { start: string; end: string };
  coordinator?: string;
  funding?: string;
  charter?: string;
  expertPartners?: string[];
  consortium?: string;
  previousProjects?: string[];
}

export interface BenchmarkDocument {
  code: string;
  title: string;
  standard: string;
  introduction?: string;
  terms?: string[];
  programme?: BenchmarkProgrammeInfo;
  sections: BenchmarkSection[];
  contextFactors: ContextFactor[];
  otherToolkits?: { code: string; title: string; project: string }[];
}
