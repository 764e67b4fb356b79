import { Injectable, type PipeTransform } from '@nestjs/common';
import { invalid } from '../pairs/benchmark-documents';

/** A guide question code: `<section code>.q<N>`. */
@Injectable()
export class QuestionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 120 || !/^[a-z0-9]+(?:-[a-z0-9]+)*\.q[0-9]{1,3}$/.test(value)) {
      throw invalid('questionCode', 'questionCode must be a guide question code such as strategy.q1');
    }
    return value;
  }
}

/** A context factor code: kebab-case. */
@Injectable()
export class FactorCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 100 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
      throw invalid('factorCode', 'factorCode must be a kebab-case context factor code');
    }
    return value;
  }
}
