import { Link } from 'react-router';
import { paths } from './paths.ts';

export function BrandLink() {
  return (
    <Link to={paths.home} className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="#ffd166" />
        <path d="M7 17 16 8l9 9v8H7z" fill="#0b2545" />
        <rect x="14" y="19" width="4" height="6" fill="#ffd166" />
      </svg>
      Haven
    </Link>
  );
}
