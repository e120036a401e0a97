import { Bot } from 'lucide-react';
import { useState } from 'react';
import { assetUrl } from '../../lib/api';
import { cn } from '../../lib/cn';

interface AgentAvatarProps {
  avatar?: string | null;
  label: string;
  size?: 'md' | 'lg';
}

export function AgentAvatar({ avatar, label, size = 'md' }: AgentAvatarProps) {
  const [failed, setFailed] = useState(false);
  const src = assetUrl(avatar);
  const box = size === 'lg' ? 'h-16 w-16' : 'h-12 w-12';
  if (src && !failed) {
    return (
      <img
        src={src}
        alt={`${label} avatar`}
        onError={() => setFailed(true)}
        className={cn(box, 'shrink-0 rounded-full border-2 border-white object-cover shadow-card')}
      />
    );
  }
  return (
    <span
      className={cn(box, 'flex shrink-0 items-center justify-center rounded-full bg-primary-pale text-primary-dark')}
      aria-hidden="true"
    >
      <Bot className={size === 'lg' ? 'h-8 w-8' : 'h-6 w-6'} />
    </span>
  );
}
